// A fixed 1920×1080 stage scaled to fit any screen, letterboxed, never scrolling. The scale is a
// CSS variable set by an inline script before first paint (so the server-rendered wall does not
// jump when the client code loads) and kept up to date on resize.
export const STAGE_WIDTH = 1920;
export const STAGE_HEIGHT = 1080;

// A <style> in <head> holds the variable: React does not own it, so hydration never sees a change.
const FIT_SCRIPT = `(function(){
  var s = document.getElementById("wall-scale") || document.head.appendChild(Object.assign(document.createElement("style"), { id: "wall-scale" }));
  function fit(){ var k = Math.min(window.innerWidth / ${STAGE_WIDTH}, window.innerHeight / ${STAGE_HEIGHT}); s.textContent = ":root{--wall-scale:" + (k > 0 ? k : 1) + "}"; }
  fit(); window.addEventListener("resize", fit);
})();`;

/** `nonce`: this request's CSP nonce (proxy.ts), without which the browser refuses the inline script. */
export function WallStage({ children, nonce }: { children: React.ReactNode; nonce?: string }) {
  return (
    <div className="fixed inset-0 overflow-hidden bg-[#040c1d]">
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: FIT_SCRIPT }} />
      <style>{"@keyframes wall-in{from{opacity:0;transform:translateY(12px)}to{opacity:1;transform:none}}"}</style>
      <main
        data-testid="wall-stage"
        className="absolute left-1/2 top-1/2 overflow-hidden bg-[#06122b] text-slate-100"
        style={{ width: STAGE_WIDTH, height: STAGE_HEIGHT, transform: "translate(-50%, -50%) scale(var(--wall-scale, 1))" }}
      >
        {children}
      </main>
    </div>
  );
}
