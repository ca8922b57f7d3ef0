export { ListLoading as default } from "@/components/lists/list-loading";
