import { render } from 'preact';
import { describe, expect, test } from 'vitest';
import { IdeaRow } from '../../../components/ideas/IdeaRow';
import { csvCell, exportCsv } from '../../../lib/ideas/export';
import { Tag } from '../../../lib/ideas/schema';
import { dropInvisible, isolateBidi, revealInvisible } from '../../../lib/text/invisible';
import { makeIdea } from '../ideas/helpers';

const RLO = '\u202E';
const ZWSP = '\u200B';

describe('ký tự vô hình và ký tự điều khiển hướng chữ', () => {
  test.each([
    [`Tải app tại ${RLO}kpa.ten`, 'Tải app tại ⟦U+202E⟧kpa.ten'],
    [`l${ZWSP}ừa đảo`, 'l⟦U+200B⟧ừa đảo'],
    ['\u2066trái\u2069', '⟦U+2066⟧trái⟦U+2069⟧'],
    ['👨‍👩‍👧 gia đình', '👨‍👩‍👧 gia đình'],
    ['bình thường', 'bình thường'],
  ])('hiện ra: %j → %j', (text, shown) => {
    expect(revealInvisible(text)).toBe(shown);
  });

  test('nhãn: ký tự vô hình bị bỏ, hai nhãn trông giống nhau là một', () => {
    expect(Tag.parse(`y${ZWSP} tế`)).toBe('y tế');
    expect(Tag.parse(`${RLO}y tế`)).toBe('y tế');
    expect(dropInvisible('\uFEFFgiáo dục\u2060')).toBe('giáo dục');
  });

  test('CSV: một RLO không đảo ngược các ô sau nó; chữ giữ nguyên', () => {
    expect(csvCell(`abc${RLO}def`)).toBe(`"\u2068abc${RLO}def\u2069"`);
    expect(csvCell('bình thường')).toBe('"bình thường"');
    expect(isolateBidi('x')).toBe('x');
    const csv = exportCsv([makeIdea(1, { text: `Xem ${RLO}moc.koobecaf`, note: 'ghi chú' })]);
    const row = csv.split('\r\n')[1]!;
    expect(row).toContain(`"\u2068Xem ${RLO}moc.koobecaf\u2069"`);
  });

  test('CSV: công thức nấp sau ký tự vô hình vẫn bị vô hiệu', () => {
    expect(csvCell(`${ZWSP}=HYPERLINK("https://x")`)).toBe(`"'${ZWSP}=HYPERLINK(""https://x"")"`);
  });

  test('thanh bên: lời bình luận hiện ký tự điều khiển thay vì làm theo chúng', () => {
    const container = document.createElement('div');
    const idea = makeIdea(1, { text: `Xem ${RLO}moc.koobecaf`, authorName: `A${RLO}B` });
    render(
      <IdeaRow idea={idea} now={new Date()} onStatus={() => {}} onEdit={() => {}} onDelete={() => {}} />,
      container,
    );
    const quote = container.querySelector('.khcn-idea-text')!;
    expect(quote.textContent).toBe('Xem ⟦U+202E⟧moc.koobecaf');
    expect(quote.textContent).not.toContain(RLO);
    expect(container.querySelector('.khcn-idea-author')!.textContent).toBe('A⟦U+202E⟧B');
    render(null, container);
  });
});
