/** Where client-side navigation is seen: the Navigation API where there is one, else the URL. */
export interface NavigationScope {
  navigation?: EventTarget;
  location: { href: string };
}

/** How often the URL is compared where the browser has no Navigation API (as WXT does). */
export const URL_POLL_MS = 1000;

/**
 * Calls `navigated` after each client-side navigation until `signal` aborts. Chromium's
 * Navigation API reports a pushState at once; elsewhere the URL is compared once a second.
 */
export function watchNavigation(
  scope: NavigationScope,
  navigated: () => void,
  signal: AbortSignal,
): void {
  const navigation = scope.navigation;
  if (navigation && typeof navigation.addEventListener === 'function') {
    navigation.addEventListener('currententrychange', navigated, { signal });
    return;
  }
  let last = scope.location.href;
  const timer = setInterval(() => {
    const href = scope.location.href;
    if (href === last) return;
    last = href;
    navigated();
  }, URL_POLL_MS);
  signal.addEventListener('abort', () => clearInterval(timer));
}
