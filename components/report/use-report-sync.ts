"use client";
// Keeps a report form in step with what is stored, across reloads, Back and its own saves:
// - every unsaved edit is copied to a local draft (draft-store.ts) and restored when the form mounts;
// - saves of this form run one at a time, each with the version the previous one returned;
// - a save sent as the page is left (keepalive PUT) is remembered, so when it lands after the next
//   page rendered the stored report, that page recognises it as its own, never as someone else's;
// - on mount and on a bfcache restore the stored report is read again (the HTML or the router's
//   cache may predate the last save), and a stored version that moved is adopted, rebased on, or,
//   when someone else saved, offered in the conflict panel.
import { useEffect, useRef, useState } from "react";
import { clearDraft, draftKey, isOwnSave, pruneDrafts, readDraft, sameContent, writeDraft, type Content, type Draft } from "./draft-store";
import { saveReportAction, submitReportAction } from "@/lib/reports/actions";
import type { ActionResult, ConflictInfo, ReportSnapshot, ReportView } from "./types";

export type SyncOptions = {
  view: ReportView;
  userId: number;
  editable: boolean;
  /** Who reviews a submitted report (the success message names them). */
  reviewBy?: "县局" | "市级";
  base: ReportSnapshot;
  raw: Record<string, string>;
  explanations: Record<string, string>;
  dirty: boolean;
  conflict: ConflictInfo | null;
  /** No field errors: the typed text can be saved as it is. */
  savable: boolean;
  /** The form takes a stored report as it is (no unsaved edits left). */
  adopt: (s: ReportSnapshot) => void;
  /** The form takes a stored report as its base and keeps the typed text (still unsaved). */
  rebase: (s: ReportSnapshot) => void;
  /** The form shows a draft's text over `base`. */
  restore: (d: Draft, base: ReportSnapshot) => void;
  setConflict: (c: ConflictInfo | null) => void;
  setFlash: (f: { tone: "ok" | "error"; text: string } | null) => void;
  /** Re-render the server's parts of the page (status banner, audit). */
  refresh: () => void;
};

/** A draft shown again: when it was written, and whether the report it cannot go into is locked. */
export type RestoredDraft = { savedAt: number; locked: boolean };

type ReportJson = { version: number; status: ReportSnapshot["status"]; values: Record<string, string>; explanations: Record<string, string>; updatedBy: string | null; updatedAt: string | null };

const snapshotOf = (j: ReportJson): ReportSnapshot => ({ version: j.version, status: j.status, values: j.values ?? {}, explanations: j.explanations ?? {}, updatedBy: j.updatedBy ?? null, updatedAt: j.updatedAt ?? null });

/** How long a page waits, at most, for a save its predecessor sent on leaving (0.4 + 0.8 + 1.6 + 3.2 s). */
const LEAVING_RETRIES = 4;

export function useReportSync(options: SyncOptions) {
  const { town, period } = { town: options.view.town.code, period: options.view.period.key };
  const key = draftKey(options.userId, town, period);
  const url = `/api/v1/reports/${town}/${period}`;
  const live = useRef(options);
  useEffect(() => {
    live.current = options;
  });
  /** The save in flight (an action or the leaving PUT): the next one waits for it. */
  const inFlight = useRef<Promise<unknown> | null>(null);
  const [saving, setSaving] = useState(false);
  const [restored, setRestored] = useState<RestoredDraft | null>(null);

  const indicators = () => live.current.view.indicators;

  /** Writes the draft: the form's text over its base, with `sent` appended to what was sent. */
  function remember(sent?: Content, leavingFrom?: number) {
    const l = live.current;
    const d = readDraft(key);
    writeDraft(key, {
      base: l.base,
      raw: l.raw,
      explanations: l.explanations,
      savedAt: Date.now(),
      sent: sent ? [...(d?.sent ?? []), sent] : (d?.sent ?? []),
      leavingFrom: leavingFrom ?? d?.leavingFrom,
    });
  }

  function adopt(s: ReportSnapshot) {
    live.current.adopt(s);
    clearDraft(key);
    setRestored(null);
  }

  /**
   * The stored report moved past this form's base. The same content as the form: saved (by this
   * page or the one before it). One of this browser's own saves: the new base, edits kept.
   * Anything else: someone saved in between, and the user chooses in the conflict panel.
   */
  function settle(s: ReportSnapshot, savedText: string) {
    const l = live.current;
    const mine = { values: l.raw, explanations: l.explanations };
    if (!l.dirty || sameContent(indicators(), mine, s)) {
      adopt(s);
      if (l.dirty) l.setFlash({ tone: "ok", text: `${savedText}（版本 ${s.version}）` });
    } else if (isOwnSave(indicators(), readDraft(key)?.sent ?? [], s)) {
      l.rebase(s);
    } else {
      l.setConflict(s);
    }
    l.refresh();
  }

  async function reread(attempt: number) {
    let s: ReportSnapshot;
    try {
      const res = await fetch(url, { cache: "no-store", headers: { accept: "application/json" } });
      if (!res.ok) return;
      s = snapshotOf((await res.json()) as ReportJson);
    } catch {
      return; // offline: the form keeps what it shows, the draft keeps the edits
    }
    const l = live.current;
    if (l.conflict || s.version < l.base.version) return;
    if (s.version === l.base.version) {
      // The page before this one sent a save from this version as it left: it may still be landing.
      if (readDraft(key)?.leavingFrom === s.version && attempt < LEAVING_RETRIES) setTimeout(() => void reread(attempt + 1), 400 * 2 ** attempt);
      return;
    }
    settle(s, "离开页面前的修改已保存");
  }

  // On mount: restore a draft, then read the stored report again; again on a bfcache restore.
  useEffect(() => {
    pruneDrafts();
    const l = live.current;
    const d = readDraft(key);
    const stored = l.base;
    if (d && sameContent(l.view.indicators, { values: d.raw, explanations: d.explanations }, stored)) {
      clearDraft(key);
    } else if (d) {
      if (!l.editable) {
        setRestored({ savedAt: d.savedAt, locked: true });
      } else if (d.base.version > stored.version) {
        // The page came from a cache older than the draft (Back in the app): the draft's base is newer; reread() follows.
        l.restore(d, d.base);
        setRestored({ savedAt: d.savedAt, locked: false });
      } else if (d.base.version === stored.version || isOwnSave(l.view.indicators, d.sent, stored)) {
        // Nothing moved, or what moved is this browser's own save: the edits go on top of the stored report.
        l.restore(d, stored);
        setRestored({ savedAt: d.savedAt, locked: false });
      } else {
        // Someone saved after the draft was begun: show the edits over their own base, and the choice.
        l.restore(d, d.base);
        l.setConflict(stored);
        setRestored({ savedAt: d.savedAt, locked: false });
      }
    }
    void reread(0);
    const onShow = (e: PageTransitionEvent) => {
      if (e.persisted) void reread(0);
    };
    window.addEventListener("pageshow", onShow);
    return () => window.removeEventListener("pageshow", onShow);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per mounted form; the handlers read the latest options from `live`
  }, []);

  // Every edit goes to the draft at once: a reload or a crash a moment later loses nothing.
  useEffect(() => {
    if (options.editable && options.dirty) remember();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- written when the text, the base or the dirty flag changes
  }, [options.editable, options.dirty, options.raw, options.explanations, options.base]);

  /** Runs after the save in flight, if any: a form never races its own saves. */
  async function serialized<T>(run: () => Promise<T>): Promise<T> {
    while (inFlight.current) await inFlight.current.catch(() => undefined);
    const p = run();
    inFlight.current = p;
    setSaving(true);
    try {
      return await p;
    } finally {
      if (inFlight.current === p) inFlight.current = null;
      setSaving(false);
    }
  }

  /**
   * 保存草稿 or 报送 with the form's content and latest version. A conflict whose stored content is
   * one of this browser's own saves is no conflict: take its version and send once more (a draft save
   * of exactly what is stored has nothing left to do).
   */
  function send(kind: "save" | "submit"): Promise<ActionResult> {
    const action = kind === "save" ? saveReportAction : submitReportAction;
    return serialized(async () => {
      let version = live.current.base.version;
      for (let attempt = 0; ; attempt++) {
        const l = live.current;
        const content = { values: l.raw, explanations: l.explanations };
        remember(content);
        const result = await action({ town, period, version, ...content });
        const c = !result.ok ? result.conflict : undefined;
        if (!c || attempt > 0) return result;
        const same = sameContent(indicators(), content, c);
        if (!same && !isOwnSave(indicators(), readDraft(key)?.sent ?? [], c)) return result;
        if (same && kind === "save" && c.status !== "SUBMITTED" && c.status !== "APPROVED") return { ok: true, message: "草稿已保存", snapshot: c };
        if (same && kind === "submit" && c.status === "SUBMITTED") return { ok: true, message: `已报送，等待${live.current.reviewBy ?? "县局"}审核`, snapshot: c };
        live.current.rebase(c);
        version = c.version;
      }
    });
  }

  // The save on leaving: the tab hidden, the page unloaded, or the form unmounted by an in-app link.
  useEffect(() => {
    function leave() {
      const l = live.current;
      if (!l.editable || !l.dirty || l.conflict || !l.savable || inFlight.current) return;
      const body = { version: l.base.version, values: l.raw, explanations: l.explanations };
      remember({ values: body.values, explanations: body.explanations }, body.version);
      const p = fetch(url, { method: "PUT", keepalive: true, headers: { "content-type": "application/json" }, body: JSON.stringify(body) })
        .then(async (res) => {
          const json = await res.json().catch(() => null);
          if (res.ok && json) settle(snapshotOf(json as ReportJson), "已自动保存草稿");
          else if (res.status === 409 && json?.error?.details?.values) settle(snapshotOf(json.error.details as ReportJson), "已自动保存草稿");
        })
        .catch(() => undefined) // the page is gone or offline: the draft keeps the edits
        .finally(() => {
          if (inFlight.current === p) inFlight.current = null;
        });
      inFlight.current = p;
    }
    const onVisibility = () => {
      if (document.visibilityState === "hidden") leave();
    };
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", leave);
    return () => {
      leave();
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", leave);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- registered once; leave() reads the latest options from `live`
  }, []);

  /** 放弃: the restored edits go, the form shows the stored report. */
  function discardRestored() {
    const l = live.current;
    adopt(l.conflict ?? l.base);
    l.setConflict(null);
    l.refresh();
  }

  return { send, saving, restored, adopt, discardRestored };
}
