// Draws an ECharts option on the server as an SVG string (ECharts' server-side rendering), so the
// report's charts are in the HTML: they print, land in the PDF as vectors, and need no script.
// The page inlines the string; ECharts escapes every label it writes into it.
import "server-only";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);

export function renderChartSvg(option: object, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
