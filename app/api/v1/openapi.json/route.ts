import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/api/openapi";

// The API's description is public, like any published interface spec; the data is not.
export function GET() {
  return NextResponse.json(openApiDocument());
}
