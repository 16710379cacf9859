"""The statistics page (统计分析): a period against its comparison, tables, charts, report."""
