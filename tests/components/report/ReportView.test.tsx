import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildReportHtml, escapeHtml, escapeStyle } from '../../../components/report/export-html';
import { countTicks } from '../../../components/report/patterns';
import { ReportButton } from '../../../components/report/ReportButton';
import { ReportView } from '../../../components/report/ReportView';
import { computeReport } from '../../../lib/ideas/report';
import { DEFAULT_TOPICS } from '../../../lib/ideas/topics';
import { makeIdea, uuidOf } from '../../lib/ideas/helpers';
import { mount, unmount, waitFor } from '../options/helpers';

const HOSTILE = '<img src=x onerror=alert(1)> "trích" & <script>alert(2)</script>';
const GROUP = uuidOf(7001);

function sample() {
  const at = (day: number) => new Date(Date.UTC(2026, 10, day, 5)).toISOString();
  const ideas = [
    makeIdea(1, { capturedAt: at(2), topic: 'nang-luong', groupId: GROUP, text: HOSTILE }),
    makeIdea(2, { capturedAt: at(3), topic: 'nang-luong', groupId: GROUP }),
    makeIdea(3, { capturedAt: at(10), topic: 'y-sinh', status: 'forwarded', unit: 'Vụ Pháp chế' }),
    makeIdea(4, {
      capturedAt: at(11),
      status: 'answered',
      answer: { text: 'Đã trả lời', answeredAt: at(14) },
    }),
  ];
  return computeReport({
    ideas,
    range: { from: '2026-11-02', to: '2026-11-15' },
    topics: DEFAULT_TOPICS,
    utcOffsetMinutes: 420,
    waitingDays: 14,
    flagDays: { days: { '2026-11-05': { scam: 2 } } },
  });
}

let container: HTMLElement;
afterEach(() => container && unmount(container));

describe('ReportView: mỗi biểu đồ có tiêu đề, tóm tắt bằng lời và bảng thay thế', () => {
  test('năm phần, mỗi phần một tiêu đề song ngữ và một đoạn tóm tắt', () => {
    container = mount(<ReportView report={sample()} topics={DEFAULT_TOPICS} madeAt="06/12/2026 09:30" />);
    const titles = [...container.querySelectorAll('h2')].map((h) => h.textContent);
    expect(titles).toEqual([
      'Ý tưởng theo tuần và chủ đề / Ideas per week by topic',
      'Phễu trạng thái / Status funnel',
      'Thời gian đến câu trả lời chính thức / Time to the official answer',
      'Nhóm ý tưởng lớn nhất / Largest idea groups',
      'Bình luận bị gắn cờ theo loại và ngày / Flagged comments per category per day',
    ]);
    expect(container.querySelector('#report-weeks-summary')?.textContent).toContain(
      '4 ý tưởng trong 2 tuần. Chủ đề nhiều nhất: Năng lượng (2).',
    );
    expect(container.querySelector('#report-answers-summary')?.textContent).toContain(
      'Trung vị 3 ngày, 90% trong vòng 3 ngày (1 ý tưởng đã trả lời). 3 ý tưởng chưa có câu trả lời',
    );
    // Each drawn chart is an image named by its title and summary.
    for (const svg of container.querySelectorAll('svg[role="img"]'))
      expect(svg.getAttribute('aria-labelledby')).toMatch(/^report-\w+-title report-\w+-summary$/);
  });

  test('"Xem bảng" mở bảng có chú thích (bàn phím: nút thật, aria-expanded), "Ẩn bảng" đóng lại', async () => {
    container = mount(<ReportView report={sample()} topics={DEFAULT_TOPICS} madeAt="" />);
    const toggle = container.querySelector<HTMLButtonElement>('#report-funnel button[aria-controls]')!;
    expect(toggle.textContent).toBe('Xem bảng / Show table');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(container.querySelector('#report-funnel table')).toBeNull();
    toggle.click();
    await waitFor(() => toggle.getAttribute('aria-expanded') === 'true');
    expect(toggle.textContent).toBe('Ẩn bảng / Hide table');
    const captions = [...container.querySelectorAll('#report-funnel caption')].map((c) => c.textContent);
    expect(captions).toEqual([
      'Phễu trạng thái — bảng số liệu / Status funnel — data table',
      'Trạng thái hiện tại — bảng số liệu / Status now — data table',
    ]);
    const forwarded = [...container.querySelectorAll('#report-funnel tbody tr')].find((tr) =>
      tr.textContent?.startsWith('Đã chuyển đơn vị'),
    );
    // Reached "forwarded" or later: the forwarded idea and the answered one, 2 of 4.
    expect([...forwarded!.children].map((c) => c.textContent)).toEqual([
      'Đã chuyển đơn vị / Forwarded to a unit',
      '2',
      '50',
    ]);
    toggle.click();
    await waitFor(() => toggle.getAttribute('aria-expanded') === 'false');
    expect(container.querySelector('#report-funnel table')).toBeNull();
  });

  test('nút CSV của một phần tải đúng bảng của phần đó', () => {
    const onCsv = vi.fn();
    container = mount(<ReportView report={sample()} topics={DEFAULT_TOPICS} madeAt="" onCsv={onCsv} />);
    container.querySelector<HTMLButtonElement>('#report-groups button[data-csv="groups"]')!.click();
    expect(onCsv).toHaveBeenCalledTimes(1);
    expect(onCsv.mock.calls[0]![0].id).toBe('groups');
  });

  test('trích đoạn bình luận là chữ: không phần tử nào được tạo từ nội dung bình luận', () => {
    container = mount(<ReportView report={sample()} topics={DEFAULT_TOPICS} madeAt="" />);
    expect(container.querySelector('.lead')?.textContent).toBe(HOSTILE);
    expect(container.querySelector('img, script')).toBeNull();
  });

  test('"chưa có chủ đề" không được gọi là chủ đề nhiều nhất khi có chủ đề thật', () => {
    const at = (day: number) => new Date(Date.UTC(2026, 10, day, 5)).toISOString();
    const report = computeReport({
      ideas: [1, 2, 3]
        .map((n) => makeIdea(n, { capturedAt: at(n + 1) }))
        .concat(makeIdea(4, { capturedAt: at(5), topic: 'y-sinh' })),
      range: { from: '2026-11-02', to: '2026-11-08' },
      topics: DEFAULT_TOPICS,
      utcOffsetMinutes: 420,
    });
    container = mount(<ReportView report={report} topics={DEFAULT_TOPICS} madeAt="" />);
    expect(container.querySelector('#report-weeks-summary')?.textContent).toContain(
      'Chủ đề nhiều nhất: Y sinh (1).',
    );
  });

  test('không có dữ liệu: tóm tắt nói rõ, không vẽ biểu đồ rỗng', () => {
    const empty = computeReport({
      ideas: [],
      range: { from: '2026-11-02', to: '2026-11-08' },
      utcOffsetMinutes: 420,
    });
    container = mount(<ReportView report={empty} topics={DEFAULT_TOPICS} madeAt="" />);
    expect(container.querySelector('#report-weeks-summary')?.textContent).toContain(
      'Không có ý tưởng nào trong khoảng ngày này.',
    );
    expect(container.querySelector('#report-weeks svg')).toBeNull();
    expect(container.querySelector('#report-flags-summary')?.textContent).toContain('Chưa ghi nhận cờ nào');
  });
});

describe('xuất HTML', () => {
  const css = readFileSync('components/report/report.css', 'utf8');

  test.each<[string, string, string]>([
    ['thẻ', '<b>', '&#60;b&#62;'],
    ['dấu &', 'A & B', 'A &#38; B'],
    ['ngoặc kép và đơn', `"x" 'y'`, '&#34;x&#34; &#39;y&#39;'],
    ['chữ Việt giữ nguyên', 'Đề xuất', 'Đề xuất'],
  ])('escapeHtml: %s', (_name, input, output) => {
    expect(escapeHtml(input)).toBe(output);
  });

  test('escapeStyle: "</style" không đóng được thẻ style', () => {
    expect(escapeStyle('a{}</style><script>')).toBe('a{}<\\/style><script>');
  });

  test('một tệp tự đủ: CSS trong tệp, bảng mở sẵn, không script, không nút, bình luận đã thoát', () => {
    const html = buildReportHtml(
      { report: sample(), topics: DEFAULT_TOPICS, madeAt: '06/12/2026 09:30' },
      css,
    );
    expect(html.startsWith('<!doctype html>\n<html lang="vi">')).toBe(true);
    expect(html).toContain('@media print');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|<button|<img/i);
    // No tag loads anything (the escaped excerpt's "src=" is text, not an attribute).
    expect(html).not.toMatch(/<[^>]*\s(src|href)=/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    // Every table is in the file, open.
    for (const id of ['weeks', 'funnel', 'status', 'answers', 'groups', 'flags'])
      expect(html).toContain(`data-table="${id}"`);
    expect(html).not.toMatch(/<div[^>]*class="report-tables"[^>]*hidden/);
    // Opened in a fresh document, the excerpt is still one text node.
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelector('.lead')?.textContent).toBe(HOSTILE);
    expect(doc.querySelectorAll('script, img, [src], [href], link').length).toBe(0);
  });
});

describe('trục đếm và nút mở báo cáo', () => {
  test.each<[number, number[]]>([
    [0, [0, 1]],
    [3, [0, 1, 2, 3]],
    [7, [0, 2, 4, 6, 8]],
    [23, [0, 5, 10, 15, 20, 25]],
    [180, [0, 50, 100, 150, 200]],
  ])('countTicks(%i): bước tròn, không có nửa ý tưởng', (max, ticks) => {
    expect(countTicks(max)).toEqual(ticks);
  });

  test('"Báo cáo" mở report.html trong thẻ mới (tabs.create, không cần quyền tabs)', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    container = mount(<ReportButton />);
    const button = container.querySelector('button')!;
    expect(button.textContent).toBe('Báo cáo');
    button.click();
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/report\.html$/) });
  });
});
