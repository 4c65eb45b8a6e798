import { describe, expect, test } from 'vitest';
import { type Detector, detect } from '../../../lib/flags/detectors';

const found = (text: string, detector: Detector) =>
  detect(text)
    .filter((s) => s.detector === detector)
    .map((s) => s.matched);

describe('bộ dò: số điện thoại', () => {
  test.each([
    ['Liên hệ 0987 221 458 gặp anh Hùng', '0987 221 458'],
    ['zalo: 0912.345.678 nhé', '0912.345.678'],
    ['gọi +84 912 345 678', '+84 912 345 678'],
    ['sdt 0359801277', '0359801277'],
    // A few digits hidden as "x", as a half-hidden number is shown.
    ['Liên hệ Tuấn 0975 xxx 302', '0975 xxx 302'],
    ['zalo 0826 4xx 919 nha', '0826 4xx 919'],
  ])('%s → %s', (text, phone) => {
    expect(found(text, 'phone')).toEqual([phone]);
  });

  test.each([
    ['Năm 2026 có 12.000 đề tài'],
    ['mã hồ sơ 123456789012345'],
    ['hotline 1900 1234'],
    ['số 09xx gọi cho mình hoài'],
    ['0xxx xxx xxx'],
  ])('không phải số điện thoại: %s', (text) => {
    expect(found(text, 'phone')).toEqual([]);
  });
});

describe('bộ dò: đường link', () => {
  test.each([
    ['xem tại t.ly/abc123 nhé', 'short-link'],
    ['bấm bit.ly/qua-tang', 'short-link'],
    ['xác minh tại vcb-online.top ngay', 'lookalike-domain'],
    ['xác minh tại vcb-online.top ngay', 'suspicious-tld'],
    ['đăng nhập facebook-support.xyz', 'lookalike-domain'],
    ['nhận tiền tại dichvucong-gov.vn', 'lookalike-domain'],
    ['vào https://nohu88.club chơi', 'suspicious-tld'],
    ['vào https://nohu88.club chơi', 'unofficial-link'],
  ] as const)('%s → %s', (text, detector) => {
    expect(found(text, detector)).toHaveLength(1);
  });

  test.each([
    ['Thông tin tại https://most.gov.vn/tin-tuc', 'lookalike-domain'],
    ['Thông tin tại https://most.gov.vn/tin-tuc', 'unofficial-link'],
    ['trang vietcombank.com.vn chính thức', 'lookalike-domain'],
    ['TP.HCM và v.v', 'link'],
    ['giá 2.000.000đ', 'link'],
  ] as const)('không: %s → %s', (text, detector) => {
    expect(found(text, detector)).toEqual([]);
  });
});

describe('bộ dò: tiền và tài khoản liên hệ', () => {
  test.each([
    ['Nạp 100k nhận ngay 288k', ['100k', '288k']],
    ['hạn mức 50tr', ['50tr']],
    ['nạp 1OOK', ['1OOK']],
    ['5 triệu đồng', ['5 triệu']],
  ])('%s → %j', (text, sums) => {
    expect(found(text, 'money')).toEqual(sums);
  });

  test('telegram @ten_tai_khoan', () => {
    expect(found('liên hệ telegram @hotro_vay247', 'handle')).toEqual(['@hotro_vay247']);
    expect(found('email ai@most.gov.vn', 'handle')).toEqual([]);
  });
});
