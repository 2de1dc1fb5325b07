// Only the parts of Apache ECharts the trainer pages draw (line and bar charts on a grid), so the
// chunk stays small. Imported lazily by chart.tsx, which only trainer pages use: learners never
// download it.
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
