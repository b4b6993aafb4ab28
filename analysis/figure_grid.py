"""Panels for many scenarios side by side, wrapped so a figure stays under 2,000 pixels wide.

scenario_panels(rows, scenarios, ...) returns the figure and axes[row][scenario]: each
scenario is a column of `rows` panels, and after MAX_COLUMNS scenarios the columns wrap into
another band of rows. Grid cells left over in the last band are hidden.
"""
import matplotlib.pyplot as plt

MAX_COLUMNS = 3


def scenario_panels(rows, scenarios, column_width, row_height, min_width=0, sharex=False):
    columns = min(scenarios, MAX_COLUMNS)
    bands = -(-scenarios // columns)
    width = max(column_width * columns, min_width)
    fig, grid = plt.subplots(rows * bands, columns, figsize=(width, row_height * rows * bands),
                             squeeze=False)

    def cell(row, scenario):
        return grid[(scenario // columns) * rows + row][scenario % columns]

    axes = [[cell(r, s) for s in range(scenarios)] for r in range(rows)]
    for s in range(scenarios, bands * columns):
        for r in range(rows):
            cell(r, s).set_visible(False)
    if sharex:
        for s in range(scenarios):
            for r in range(1, rows):
                axes[r][s].sharex(axes[0][s])
    return fig, axes
