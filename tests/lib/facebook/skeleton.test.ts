import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, test } from 'vitest';
import { findCommentArticles, glanceComment } from '../../../lib/facebook/extract';
import {
  buildSkeleton,
  commentArea,
  labelShape,
  Skeleton,
  skeletonFile,
} from '../../../lib/facebook/skeleton';
import { fixtureFromSkeleton } from '../../../scripts/fixture-from-skeleton';
import { loadFixture } from './load-fixture';

const PFBID = 'pfbid02Xk7QmNpZr8TvWc3LdYs9HgF1aBqEuJo4KtMx6RwVnCy5iD2PhSzAe';
const PAGE_URL = `https://www.facebook.com/khcndmst/posts/${PFBID}?comment_id=1100000000000001`;

function skeleton() {
  return buildSkeleton(commentArea(document), {
    reason: 'layout-warning',
    pageUrl: PAGE_URL,
    watchedPages: ['khcndmst'],
    stats: { seen: 0, droppedNoId: 0, articlesWithoutComments: 3 },
    now: new Date('2026-12-06T21:00:00Z'),
  });
}

describe('báo cáo thay đổi bố cục: bộ khung ẩn danh', () => {
  beforeEach(() => {
    loadFixture('real-2025-en.html');
  });

  test('không còn tên, lời, id hay pfbid nào của trang', () => {
    const file = skeletonFile(skeleton());
    const html = readFileSync('tests/fixtures/facebook/real-2025-en.html', 'utf8');
    const ids = [...new Set(html.match(/\d{10,}/g))];
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) expect(file).not.toContain(id);
    for (const secret of [
      PFBID,
      'Nguyễn',
      'Bình',
      'Minh',
      'John Smith',
      'john.smith',
      'le.hoang',
      'sáng chế',
      'ipvietnam',
      'example.org',
      'Cục Sở hữu',
      'Y29tbWVudDo',
      'Thông tin Khoa học',
      '100012345678901',
    ])
      expect(file).not.toContain(secret);
    // Only what the schema allows, so the moderator's file is what the script reads.
    expect(Skeleton.safeParse(JSON.parse(file)).success).toBe(true);
  });

  test('giữ cấu trúc: thẻ, role, khóa aria-*/data-*, dạng nhãn và dạng URL', () => {
    const s = skeleton();
    const file = JSON.stringify(s);
    // The page URL's comment id is the same placeholder as that comment's own timestamp link.
    const urlId = /comment_id=(‹n\d+›)$/.exec(s.url)?.[1];
    expect(s.url).toMatch(/^https:\/\/www\.facebook\.com\/‹page›\/posts\/‹pfbid1›\?comment_id=‹n\d+›$/);
    expect(file).toContain(`/‹page›/posts/‹pfbid1›?comment_id=${urlId}&__cft__[0]=`);
    expect(file).toContain('"aria-label":"Comment by ‹w› ‹w› ‹w› 9 weeks ago"');
    expect(file).toContain('"aria-label":"Reply by ‹w› ‹w› ‹w› to ‹w› ‹w› ‹w›\'s comment 9 weeks ago"');
    expect(file).toContain('"aria-placeholder":"Answer as ‹w› ‹w› ‹w› ‹w› ‹w› ‹w› ‹w›"');
    expect(file).toContain('"aria-placeholder":"Write a comment…"');
    expect(file).toContain('"data-ft":"‹v›"');
    expect(file).toContain('"data-lexical-editor":"true"');
    // The base64 token keeps its meaning: it names the same placeholders as the timestamp link.
    expect(file).toMatch(/comment_id=‹b64:n\d+_n\d+›/);
    expect(file).toContain('"Like"');
    expect(file.match(/"role":"article"/g)?.length).toBe(10);
    expect([s.elements, s.truncated]).toEqual([expect.any(Number), false]);
  });

  test('dạng nhãn: tên dính chữ giao diện ("Bình", "An") vẫn là ‹w›', () => {
    expect(labelShape('Bình luận dưới tên Trần Thị Bình vào 1 tuần trước')).toBe(
      'Bình luận dưới tên ‹w› ‹w› ‹w› vào 9 tuần trước',
    );
    expect(labelShape('Comment by An 5 hours ago')).toBe('Comment by ‹w› 9 hours ago');
  });

  test('npm run fixture:from-skeleton: bộ khung thành fixture mà extension đọc được như trang gốc', () => {
    const out = fixtureFromSkeleton(skeletonFile(skeleton()), 'khcn-layout.json');
    if ('error' in out) throw new Error(out.error);
    const parsed = new DOMParser().parseFromString(out.html, 'text/html');
    document.body.replaceChildren(...Array.from(parsed.body.childNodes, (n) => document.importNode(n, true)));
    const glances = findCommentArticles(document).map((el) => glanceComment(el));
    expect(glances).toHaveLength(10);
    const ids = glances.map((g) => (typeof g === 'string' ? g : g.id));
    expect(new Set(ids).size).toBe(10);
    expect(ids.every((id) => /^9\d{15}$/.test(id))).toBe(true);
    // Replies keep their parent (same placeholder id as the parent's own link).
    const reply = glances[1];
    expect(reply !== undefined && typeof reply !== 'string' && reply.parentId).toBe(ids[0]);
    // Preview cards still left out of the words.
    const first = glances[0];
    expect(first !== undefined && typeof first !== 'string' && first.text.split('\n')).toHaveLength(2);
  });

  test('một tệp không phải bộ khung bị từ chối, nói rõ chỗ sai', () => {
    expect(fixtureFromSkeleton('{"format":"khcn-moderator/ideas"}', 'x.json')).toMatchObject({
      error: expect.stringMatching(/x\.json: not a layout report[\s\S]*format/),
    });
    expect(fixtureFromSkeleton('{', 'y.json')).toMatchObject({
      error: expect.stringMatching(/y\.json: not JSON/),
    });
  });
});
