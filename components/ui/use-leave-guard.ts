"use client";
// Asks before unsaved edits are left behind. A reload, closing the tab or an address typed in gets
// the browser's own beforeunload prompt; a link inside the app (the menu, a tab, the period picker's
// links) is a client-side navigation the App Router announces to nobody, so a click on one is caught
// first, in the capture phase on window, and confirmed — cancelled, Next's <Link> never sees it.
import { useEffect } from "react";

export const LEAVE_MESSAGE = "有未保存的修改，确定离开？";

type Options = {
  /** Also confirm clicks on in-app links (default); false: only the browser's prompt on unload. */
  links?: boolean;
  message?: string;
};

/** The in-app link a click would follow, or null for anything the browser handles itself (new tab, download, other site, same page). */
function inAppTarget(e: MouseEvent): HTMLAnchorElement | null {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return null;
  const a = e.target instanceof Element ? e.target.closest<HTMLAnchorElement>("a[href]") : null;
  if (!a || (a.target && a.target !== "_self") || a.hasAttribute("download")) return null;
  const url = new URL(a.href, window.location.href);
  if (url.origin !== window.location.origin) return null; // a full navigation: beforeunload asks
  if (url.pathname === window.location.pathname && url.search === window.location.search) return null; // a #fragment of this page
  return a;
}

/** Guards active in this page now (browser memory only: the page's own edits, nothing the server needs). */
let active = 0;

/**
 * For navigations made in code (router.push from a picker): true when nothing unsaved would be left
 * behind or the user confirms leaving it.
 */
export function confirmLeave(message = LEAVE_MESSAGE): boolean {
  return active === 0 || window.confirm(message);
}

export function useLeaveGuard(guarding: boolean, { links = true, message = LEAVE_MESSAGE }: Options = {}) {
  useEffect(() => {
    if (!guarding) return;
    active += 1;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older Chromium still needs returnValue set to show the prompt.
      e.returnValue = "";
    };
    const onClick = (e: MouseEvent) => {
      if (!links || !inAppTarget(e)) return;
      if (window.confirm(message)) return;
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    window.addEventListener("click", onClick, true);
    return () => {
      active -= 1;
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("click", onClick, true);
    };
  }, [guarding, links, message]);
}
