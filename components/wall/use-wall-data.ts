"use client";
// Polls the wall's data endpoint. The last good answer stays on screen while a request is in
// flight and while the server is unreachable; a refused link (401/403) replaces the wall with
// the refusal at once. Requests never overlap: the next one is scheduled when the last ends.
import { useEffect, useState } from "react";
import type { WallData } from "@/lib/kiosk/types";

export type WallState = { data: WallData; offline: boolean; refused: boolean };

export function useWallData(initial: WallData, token: string, refreshSeconds: number): WallState {
  const [state, setState] = useState<WallState>({ data: initial, offline: false, refused: false });

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const interval = refreshSeconds * 1000;
    const timeout = Math.min(20_000, Math.max(5_000, interval));

    async function tick() {
      const controller = new AbortController();
      const abort = setTimeout(() => controller.abort(), timeout);
      try {
        const response = await fetch(`/api/wall/data?k=${encodeURIComponent(token)}`, { cache: "no-store", signal: controller.signal });
        if (response.status === 401 || response.status === 403) {
          if (!stopped) setState((s) => ({ ...s, refused: true, offline: false }));
        } else if (response.ok) {
          const data = (await response.json()) as WallData;
          if (!stopped) setState({ data, offline: false, refused: false });
        } else if (!stopped) {
          setState((s) => ({ ...s, offline: true }));
        }
      } catch {
        // Unreachable, timed out or an unreadable answer: keep the last good data on screen.
        if (!stopped) setState((s) => ({ ...s, offline: true }));
      } finally {
        clearTimeout(abort);
        if (!stopped) timer = setTimeout(() => void tick(), interval);
      }
    }

    timer = setTimeout(() => void tick(), interval);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [token, refreshSeconds]);

  return state;
}

/** A counter that advances every `seconds`: drives the panels' rotation. */
export function useTicker(seconds: number): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), seconds * 1000);
    return () => clearInterval(timer);
  }, [seconds]);
  return tick;
}
