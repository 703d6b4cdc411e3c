import type { LoaderFunctionArgs } from "@remix-run/node";
import { AreaLayout } from "~/components/AreaLayout";
import { areaLoader } from "~/utils/area.server";

export const loader = ({ request }: LoaderFunctionArgs) => areaLoader(request, "audit.area");
export default AreaLayout;
