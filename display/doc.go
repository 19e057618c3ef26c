// Package display shows rich output in a notebook: HTML, Markdown, LaTeX, images and
// gonum/plot charts, and live displays that update in place while a model trains.
//
// Cells call display.HTML(s), display.Markdown(s), display.Clear() and the rest as package
// functions. Behind them is one *Writer per notebook session: the interpreter binds the
// exported methods of its session's Writer as the functions of the display package that cells
// see, so nothing here is global and two sessions never share output.
//
// Turning a value into something a notebook can show is a pure function, BundleOf, which the
// interpreter uses for a cell's last value.
//
// # Tour
//
// Output (methods of Writer, so functions of display in a cell): HTML, Markdown, LaTeX, SVG,
// PNG, JPEG, JSON, Image, Plot and PlotWith (PNG by default; size, DPI and "svg" through
// PlotOptions), Show (anything BundleOf knows), Clear and ClearWait. NewHandle returns a
// Handle, one output replaced in place (update_display_data) with any of the same kinds.
//
// Pictures (pure functions, which return a *plot.Plot, a *PlotGrid or an image, and show
// nothing): LossCurve and LossValues (train and validation loss, log scale, smoothing),
// GradientNorms and UpdateRatios (per layer, log scale), Histograms (weights, gradients or
// activations per layer), DecisionBoundary (2-D data sets), ConfusionMatrix, Graph and
// ValueGraph (a scalar Value's computation graph, laid out and drawn here, no graphviz),
// Grid (several plots in one picture; rows may differ in length) and Dashboard (loss and
// gradient norms side by side). Per-layer plots name layers as nn.History.LayerNames does
// ("2:Linear(16→16)"), give a layer the same colour in each, and put their legend beside the
// data area, where a dozen layers never cover a line.
//
// Live training: Training returns a TrainingView; pass its Update as nn.FitConfig.OnStep (or
// call it in a loop) and call Done at the end. It keeps two outputs, a progress line and the
// Dashboard, updated in place, and draws within a time budget on a background goroutine:
// while training at 80 dpi and 200 points a line on a reused canvas (about 10 ms a redraw
// on a 2-core machine), then Done draws the final picture at full quality.
//
// # Invariants
//
// Pictures are PNGs (every front end and nbconvert show them) rendered with gonum/plot's
// embedded Liberation fonts: no cgo, no system fonts. A bundle always carries a text/plain
// fallback. Plot builders never fail: missing or odd data gives a plot that says so in its
// title. Nothing here panics on a nil pointer a cell hands over, nor on a plot that gonum
// cannot draw: a panic while rendering becomes an error (and, for BundleOf, a text/plain
// bundle that says why). Errors start with "display: ".
package display
