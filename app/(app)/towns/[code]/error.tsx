"use client";
export { default } from "@/components/lists/segment-error";
