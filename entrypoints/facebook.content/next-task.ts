/** Resolves in a later task: the page gets a turn before the next step of our start-up. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
