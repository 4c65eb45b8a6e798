import { describe, expect, test } from 'vitest';
import {
  createReportModel,
  madeAtText,
  type ReportSources,
  rangeFromSearch,
} from '../../../components/report/report-model';
import { DEFAULT_TOPICS } from '../../../lib/ideas/topics';
import { makeIdea } from '../../lib/ideas/helpers';

/** 6 December 2026, 10:00 on this machine's clock. */
const NOW = new Date(2026, 11, 6, 10);

function sources(over: Partial<ReportSources> = {}): ReportSources {
  return {
    loadIdeas: async () => [
      makeIdea(1, { capturedAt: new Date(2026, 11, 5, 12).toISOString() }),
      makeIdea(2, { capturedAt: new Date(2026, 10, 20, 12).toISOString() }),
      makeIdea(3, { capturedAt: new Date(2026, 0, 20, 12).toISOString() }),
    ],
    loadFlags: async () => ({ days: {} }),
    loadPipeline: async () => ({ topics: DEFAULT_TOPICS, waitingDays: 14 }),
    now: () => NOW,
    ...over,
  };
}

describe('khoảng ngày từ địa chỉ trang', () => {
  test.each<[string, string, string, string]>([
    ['không có gì: 4 tuần qua', '', 'last4weeks', '2026-11-09'],
    ['preset=thisYear', '?preset=thisYear', 'thisYear', '2026-01-01'],
    ['from và to hợp lệ', '?from=2026-03-01&to=2026-03-31', 'custom', '2026-03-01'],
    ['from sau to: bỏ qua, về mặc định', '?from=2026-04-01&to=2026-03-31', 'last4weeks', '2026-11-09'],
    ['preset lạ: mặc định', '?preset=foo', 'last4weeks', '2026-11-09'],
  ])('%s', (_name, search, preset, from) => {
    const read = rangeFromSearch(search, '2026-12-06');
    expect(read.preset).toBe(preset);
    expect(read.range.from).toBe(from);
  });
});

describe('mô hình trang báo cáo', () => {
  test('đọc một lần, tính theo khoảng; đổi khoảng chỉ tính lại', async () => {
    let reads = 0;
    const model = createReportModel(
      sources({
        loadIdeas: async () => {
          reads++;
          return sources().loadIdeas();
        },
      }),
    );
    await model.load();
    const state = model.state.value;
    expect(state.kind === 'ready' && state.report.total).toBe(2);
    model.choosePreset('last7');
    expect(model.state.value.kind === 'ready' && model.state.value.report.total).toBe(1);
    model.choosePreset('thisYear');
    expect(model.state.value.kind === 'ready' && model.state.value.report.total).toBe(3);
    expect(reads).toBe(1);
  });

  test('khoảng tự chọn sai: báo lỗi, báo cáo giữ nguyên', async () => {
    const model = createReportModel(sources());
    await model.load();
    model.chooseCustom('2026-12-06', '2026-01-01');
    expect(model.rangeError.value).toBe('ngày bắt đầu sau ngày kết thúc / the start is after the end');
    expect(model.range.value).toEqual({ from: '2026-11-09', to: '2026-12-06' });
    model.chooseCustom('2026-01-01', '2026-12-06');
    expect(model.rangeError.value).toBeNull();
    expect(model.state.value.kind === 'ready' && model.state.value.report.total).toBe(3);
  });

  test('không đọc được nhật ký: trạng thái lỗi có lý do', async () => {
    const model = createReportModel(
      sources({
        loadIdeas: async () => {
          throw new Error('IndexedDB bị khóa');
        },
      }),
    );
    await model.load();
    expect(model.state.value).toEqual({ kind: 'error', message: 'IndexedDB bị khóa' });
  });

  test('giờ lập báo cáo theo đồng hồ máy', () => {
    expect(madeAtText(NOW)).toBe('06/12/2026 10:00');
  });
});
