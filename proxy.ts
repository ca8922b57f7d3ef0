// Convenience redirect to the sign-in page only. Every page, action and route handler checks
// the user and permission itself (lib/auth, lib/permissions).
import { withAuth } from "next-auth/middleware";

export default withAuth({ pages: { signIn: "/login" } });

export const config = {
  matcher: ["/((?!login|api|_next|favicon.ico|wall).*)"],
};
