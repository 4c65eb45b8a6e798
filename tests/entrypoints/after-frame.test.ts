import { describe, expect, test } from 'vitest';
import { createTaskPoster } from '../../entrypoints/facebook.content/after-frame';

/** Resolves after the task queue has had its turn (a timer is queued after a message posted before it). */
const laterTask = () => new Promise<void>((resolve) => setTimeout(resolve, 20));

describe('createTaskPoster: việc không cần vẽ cùng khung hình chạy trong một tác vụ sau đó', () => {
  test('không chạy ngay, cũng không chạy trong microtask của tác vụ đã gửi nó', async () => {
    const poster = createTaskPoster();
    const ran: string[] = [];
    poster.post(() => ran.push('việc'));
    expect(ran).toEqual([]);
    await Promise.resolve();
    await Promise.resolve();
    expect(ran).toEqual([]);
    await laterTask();
    expect(ran).toEqual(['việc']);
    poster.close();
  });

  test('nhiều việc gửi trong một tác vụ: chạy đúng thứ tự gửi, mỗi việc một lần', async () => {
    const poster = createTaskPoster();
    const ran: number[] = [];
    for (let i = 0; i < 4; i++) poster.post(() => ran.push(i));
    await laterTask();
    expect(ran).toEqual([0, 1, 2, 3]);
    // A second round after the first ran: posted again, run again.
    poster.post(() => ran.push(4));
    await laterTask();
    expect(ran).toEqual([0, 1, 2, 3, 4]);
    poster.close();
  });

  test('một việc gửi thêm việc khác: việc sau chạy ở tác vụ kế tiếp, không bị mất', async () => {
    const poster = createTaskPoster();
    const ran: string[] = [];
    poster.post(() => {
      ran.push('đầu');
      poster.post(() => ran.push('sau'));
    });
    await laterTask();
    expect(ran).toEqual(['đầu', 'sau']);
    poster.close();
  });

  test('đã đóng (phiên kết thúc): việc đang chờ và việc gửi sau đều không chạy', async () => {
    const poster = createTaskPoster();
    const ran: string[] = [];
    poster.post(() => ran.push('đang chờ'));
    poster.close();
    poster.post(() => ran.push('gửi sau khi đóng'));
    await laterTask();
    expect(ran).toEqual([]);
  });
});
