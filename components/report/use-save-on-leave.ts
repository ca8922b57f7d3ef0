"use client";

import { useEffect, useRef } from "react";
import type { ConflictInfo, ReportSnapshot } from "./types";

type Options = {
  enabled: boolean;
  /** The report's PUT endpoint (/api/v1/reports/<town>/<period>). */
  url: string;
  body: () => { version: number; values: Record<string, string>; explanations: Record<string, string> };
  onSaved: (snapshot: ReportSnapshot) => void;
  onConflict: (conflict: ConflictInfo) => void;
};

type ReportJson = ReportSnapshot & { updatedAt: string | null };

/**
 * Saves the draft when the user leaves: the tab is hidden (switching, minimising, closing) or the
 * page is unloaded or the form unmounts (a link inside the app). A `fetch(…, { keepalive: true })` PUT to the report API outlives the page, which
 * a server action cannot; the cookie session authenticates it and the version guards it, so a
 * stale form is refused (409), never written over newer data.
 */
export function useSaveOnLeave(options: Options) {
  const latest = useRef(options);
  // After every render, before any later event can read it: the handlers below always see the newest options.
  useEffect(() => {
    latest.current = options;
  });
  const inFlight = useRef(false);

  useEffect(() => {
    function save() {
      const o = latest.current;
      if (!o.enabled || inFlight.current) return;
      inFlight.current = true;
      const { version, values, explanations } = o.body();
      fetch(o.url, {
        method: "PUT",
        keepalive: true,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ version, values, explanations }),
      })
        .then(async (res) => {
          const json = await res.json().catch(() => null);
          if (res.ok && json) {
            const r = json as ReportJson;
            latest.current.onSaved({ version: r.version, status: r.status, values: r.values, explanations: r.explanations, updatedBy: r.updatedBy, updatedAt: r.updatedAt });
          } else if (res.status === 409 && json?.error?.details?.values) {
            latest.current.onConflict(json.error.details as ConflictInfo);
          }
        })
        .catch(() => {
          // The page is gone or offline: the draft stays in the form if the user comes back.
        })
        .finally(() => {
          inFlight.current = false;
        });
    }
    const onVisibility = () => {
      if (document.visibilityState === "hidden") save();
    };
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", save);
    return () => {
      // Leaving by a client-side link unmounts the form without a pagehide.
      save();
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", save);
    };
  }, []);
}
