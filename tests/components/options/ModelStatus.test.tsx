import { describe, expect, test, vi } from 'vitest';

vi.mock('../../../lib/judge/default', () => ({
  loadShippedModel: async () => ({
    ok: false,
    error: 'Tệp mô hình không hợp lệ / invalid model file:\n✖ weights: cần 14 byte',
  }),
}));

const { LearntSection } = await import('../../../components/options/LearntSection');
const { openCorrectionsDb } = await import('../../../lib/corrections/db');
const { mount, unmount, waitFor } = await import('./helpers');

describe('Tùy chọn: tệp mô hình hỏng', () => {
  test('nói rõ tệp hỏng và vì sao; các quy tắc vẫn chạy', async () => {
    const db = await openCorrectionsDb('model-status-test');
    const container = mount(<LearntSection openDb={async () => db} />);
    const alert = await waitFor(() => container.querySelector('[role=alert]'));
    expect(alert.textContent).toContain('Tệp mô hình hỏng nên không dùng; các quy tắc vẫn chạy.');
    expect(alert.textContent).toContain('weights: cần 14 byte');
    unmount(container);
  });
});
