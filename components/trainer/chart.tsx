"use client";
// A chart drawn by Apache ECharts from a plain option object built on the server. The library is
// loaded on first render (dynamic import), and the same numbers are always in the table beside it
// for screen readers, for copying, and for when the script is still loading.
import { useEffect, useRef, useState } from "react";
import type { EChartsCoreOption } from "echarts/core";

export type ChartProps = {
  option: EChartsCoreOption;
  /** What the chart shows, for screen readers. */
  label: string;
  height?: number;
};

export function Chart({ option, label, height = 280 }: ChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    void import("./echarts-setup").then(({ echarts }) => {
      if (disposed || !ref.current) return;
      const chart = echarts.init(ref.current, undefined, { renderer: "canvas" });
      chart.setOption(option);
      setReady(true);
      const resize = new ResizeObserver(() => chart.resize());
      resize.observe(ref.current);
      cleanup = () => {
        resize.disconnect();
        chart.dispose();
      };
    });
    return () => {
      disposed = true;
      cleanup();
    };
  }, [option]);
  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      data-chart-ready={ready ? "true" : "false"}
      style={{ height }}
      className="w-full"
    />
  );
}
