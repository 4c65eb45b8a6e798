import { type ComponentChild, render } from 'preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadPacks } from '../../../components/options/packs-state';
import { saveReplyPack, saveRulePack } from '../../../lib/packs/storage';

export async function waitFor<T>(check: () => T | Promise<T>, timeout = 3000): Promise<NonNullable<T>> {
  const start = Date.now();
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      if (Date.now() - start > timeout) throw error;
    }
    if (Date.now() - start > timeout) throw new Error('waitFor: timed out');
    await new Promise((done) => setTimeout(done, 10));
  }
}

export function mount(node: ComponentChild): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  render(node, container);
  return container;
}

export function unmount(container: HTMLElement): void {
  render(null, container);
  container.remove();
}

export function buttons(label: string, within: ParentNode): HTMLButtonElement[] {
  return [...within.querySelectorAll('button')].filter((b) => b.textContent?.trim() === label);
}

export function button(label: string, within: ParentNode): HTMLButtonElement {
  const found = buttons(label, within)[0];
  if (!found) throw new Error(`no button "${label}"`);
  return found;
}

export function type(control: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
}

export function choose(control: HTMLSelectElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

export function pickFile(input: HTMLInputElement, name: string, text: string): void {
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

export async function stored(key: string): Promise<unknown> {
  return (await fakeBrowser.storage.local.get(key))[key];
}

export const myRules = [
  {
    id: 'scam-nap-the',
    category: 'scam',
    severity: 'high',
    phrases: ['nạp thẻ nhận quà'],
    note: 'Lừa nạp thẻ cào để "nhận quà".',
    correctionReplyId: 'canh-bao-lua-dao',
  },
  {
    id: 'health-nuoc-than',
    category: 'health',
    severity: 'medium',
    phrases: ['nước thần chữa ung thư'],
    note: 'Quảng cáo "nước thần" chữa ung thư.',
  },
];

export const myReplies = [
  {
    id: 'cam-on',
    title: 'Cảm ơn',
    intent: 'thanks',
    body: 'Cảm ơn {danhXung} {ten}.\n{chuKy}',
    triggers: ['cảm ơn'],
  },
  {
    id: 'canh-bao-lua-dao',
    title: 'Cảnh báo lừa đảo',
    intent: 'scam-warning',
    body: 'Cảnh báo: {trang} không bao giờ yêu cầu nạp thẻ. Gọi {hotline}.',
  },
  { id: 'ghi-nhan', title: 'Ghi nhận ý tưởng', intent: 'idea-received', body: 'Cảm ơn {ten} đã đề xuất.' },
];

export const rulePackOf = (rules: unknown[]) => ({ format: 'khcn-moderator/rules', version: 1, rules });
export const replyPackOf = (replies: unknown[]) => ({
  format: 'khcn-moderator/replies',
  version: 1,
  replies,
});

/** Stores this moderator's own packs and loads them into the options page's state. */
export async function storeMyPacks(): Promise<void> {
  await saveRulePack(rulePackOf(myRules));
  await saveReplyPack(replyPackOf(myReplies));
  await loadPacks();
}
