export default async function globalTeardown(): Promise<void> {
  await globalThis.__YIMEN_INFRA__?.stop();
}
