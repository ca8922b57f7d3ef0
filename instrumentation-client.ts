// Runs once in the browser before the app hydrates (Next.js client instrumentation).
import { configureZodLocale } from "@/lib/input/zod-locale";

// Forms that validate with zod while typing show Chinese messages, as the server does.
configureZodLocale();
