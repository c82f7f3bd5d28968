/**
 * Code a page fetches only when a person first needs it (a form, a popup, a view): one import
 * shared by every caller, and forgotten when it fails, so that a later use can try the network
 * again instead of meeting the same rejected promise forever.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
