"use client";
// Draws a chart only once its box comes near the screen, and one chart at a time: each waits for the
// browser to be idle and for the chart before it to be on screen. Until then the box keeps the
// chart's height, so nothing moves. The first screen's figures and tables arrive with the HTML; no
// chart's script or drawing delays them, and no two drawings share one long task.
import { startTransition, useEffect, useRef, useState, type ComponentType } from "react";

const waiting: (() => void)[] = [];
let busy = false;

const whenIdle = (fn: () => void) => (typeof window.requestIdleCallback === "function" ? window.requestIdleCallback(fn, { timeout: 1000 }) : window.setTimeout(fn, 32));

function nextTurn() {
  const turn = waiting.shift();
  busy = turn !== undefined;
  if (turn) whenIdle(turn);
}

function takeTurn(turn: () => void) {
  waiting.push(turn);
  if (!busy) nextTurn();
}

export function DeferredChart<P extends object>({ load, props, height }: { load: () => Promise<ComponentType<P>>; props: P; height: number }) {
  const box = useRef<HTMLDivElement>(null);
  const [Chart, setChart] = useState<ComponentType<P> | null>(null);
  // Whether this chart holds the turn: it must hand it on exactly once — when drawn, or when it goes
  // away first (a navigation can unmount it mid-turn, and a stuck turn would leave later charts blank).
  const holding = useRef(false);
  const release = () => {
    if (!holding.current) return;
    holding.current = false;
    nextTurn();
  };

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let alive = true;
    const start = () =>
      takeTurn(() => {
        holding.current = true;
        if (!alive) return release();
        load().then(
          (C) => (alive ? startTransition(() => setChart(() => C)) : release()),
          () => release(), // the chart's script did not load: the box stays empty, the others go on
        );
      });
    if (typeof IntersectionObserver === "undefined") {
      start();
      return () => {
        alive = false;
        release();
      };
    }
    const io = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        io.disconnect();
        start();
      },
      { rootMargin: "160px" },
    );
    io.observe(el);
    return () => {
      alive = false;
      io.disconnect();
      release();
    };
  }, [load]);

  // This chart is on screen: the next one may start when the browser is idle again.
  useEffect(() => {
    if (Chart) release();
  }, [Chart]);

  return (
    <div ref={box} style={{ minHeight: height }} data-chart={Chart ? "drawn" : "waiting"}>
      {Chart ? <Chart {...props} /> : null}
    </div>
  );
}
