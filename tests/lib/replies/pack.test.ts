import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { INTENTS } from '../../../lib/replies/intents';
import { placeholdersIn } from '../../../lib/replies/placeholders';
import { renderReply } from '../../../lib/replies/render';
import { AUDIENCES, parseReplyPack } from '../../../lib/replies/schema';
import { Settings } from '../../../lib/settings/schema';

const raw = readFileSync('public/packs/replies.vi.json', 'utf8');
const parsed = parseReplyPack(raw);

describe('public/packs/replies.vi.json', () => {
  test('is a valid reply pack', () => {
    expect(parsed.ok ? 'ok' : parsed.error).toBe('ok');
  });
  if (!parsed.ok) return;
  const replies = parsed.pack.replies;

  test('has at least 24 replies', () => {
    expect(replies.length).toBeGreaterThanOrEqual(24);
  });

  test.each(INTENTS)('covers intent %s', (intent) => {
    expect(replies.some((reply) => reply.intent === intent)).toBe(true);
  });

  test.each(AUDIENCES)('has variants for %s', (audience) => {
    expect(replies.filter((r) => r.variants?.some((v) => v.audience === audience)).length).toBeGreaterThan(0);
  });

  // The flag rule pack points its corrections at these ids.
  test.each([
    ['misinfo-health', 'misinfo-correction'],
    ['misinfo-5g', 'misinfo-correction'],
    ['misinfo-vaccine', 'misinfo-correction'],
    ['misinfo-pseudoscience', 'misinfo-correction'],
    ['scam-investment', 'scam-warning'],
    ['scam-recovery', 'scam-warning'],
    ['scam-job', 'scam-warning'],
    ['phishing-link', 'scam-warning'],
    ['phishing-otp', 'scam-warning'],
    ['impersonation-official-page', 'impersonation-warning'],
  ])('has %s (%s)', (id, intent) => {
    expect(replies.find((reply) => reply.id === id)?.intent).toBe(intent);
  });

  const bodies = replies.flatMap((reply) => [
    { id: reply.id, audience: undefined, reply },
    ...(reply.variants ?? []).map((v) => ({ id: `${reply.id}/${v.audience}`, audience: v.audience, reply })),
  ]);

  // The hotline has no default (Options → page details): set as a moderator would.
  const CONFIGURED = Settings.parse({ pageValues: { hotline: '024 1234 5678' } });

  test.each(bodies)('$id renders with the page details set and a name', ({ reply, audience }) => {
    const result = renderReply(reply, {
      commenterName: 'Trần Văn Bình',
      settings: CONFIGURED,
      audience,
      now: new Date('2026-04-01T03:00:00Z'),
    });
    expect(result.ok ? 'ok' : result.message).toBe('ok');
    if (!result.ok) return;
    expect(result.text).not.toMatch(/[{}]/);
    expect(result.text).toContain(CONFIGURED.pageValues.signature);
    if (placeholdersIn(reply.body).includes('ten')) expect(result.text).toContain('Trần Văn Bình');
  });

  test('every reply has triggers written with diacritics', () => {
    for (const reply of replies) {
      expect(reply.triggers.length, reply.id).toBeGreaterThan(0);
    }
    const all = replies.flatMap((reply) => reply.triggers).join(' ');
    expect(all).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/);
  });

  test('is written in composed Unicode (NFC)', () => {
    expect(raw).toBe(raw.normalize('NFC'));
  });
});
