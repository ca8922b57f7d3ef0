// Runs once when the server starts (Next.js instrumentation hook).
import { configureZodLocale } from "@/lib/input/zod-locale";

export function register(): void {
  // Every zod message without its own text is Chinese, in route handlers, server actions and pages.
  configureZodLocale();
}
