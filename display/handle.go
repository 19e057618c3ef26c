package display

import (
	"fmt"
	"image"
	"sync"

	"gonum.org/v1/plot"
)

// Handle is one output that can be replaced in place (Jupyter's display_data, then
// update_display_data with the same display id). Get one from Writer.NewHandle. Its methods
// mirror the Writer's; each replaces what the handle showed before. A Handle is safe for
// concurrent use.
type Handle struct {
	w  *Writer
	id string

	mu    sync.Mutex
	shown bool // the first output was published, later ones are updates
}

// ID returns the display id of the handle's output.
func (h *Handle) ID() string { return h.id }

// Update replaces the handle's output with b.
func (h *Handle) Update(b Bundle) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.w.pub.Publish(b, h.id, h.shown)
	h.shown = true
}

// update publishes b unless err is set.
func (h *Handle) update(b Bundle, err error) error {
	if err != nil {
		return err
	}
	h.Update(b)
	return nil
}

// HTML replaces the output with an HTML fragment.
func (h *Handle) HTML(html string) { h.Update(Text("text/html", html)) }

// Markdown replaces the output with Markdown text.
func (h *Handle) Markdown(md string) { h.Update(Text("text/markdown", md)) }

// Text replaces the output with plain text.
func (h *Handle) Text(s string) { h.Update(Text("text/plain", s)) }

// LaTeX replaces the output with LaTeX.
func (h *Handle) LaTeX(tex string) { h.Update(LaTeXBundle(tex)) }

// SVG replaces the output with an SVG document.
func (h *Handle) SVG(svg string) { h.Update(SVGBundle(svg)) }

// PNG replaces the output with PNG-encoded bytes.
func (h *Handle) PNG(b []byte) error { return h.update(EncodedImageBundle("image/png", b)) }

// JPEG replaces the output with JPEG-encoded bytes.
func (h *Handle) JPEG(b []byte) error { return h.update(EncodedImageBundle("image/jpeg", b)) }

// JSON replaces the output with a JSON tree.
func (h *Handle) JSON(v any) error { return h.update(JSONBundle(v)) }

// Image replaces the output with an image.
func (h *Handle) Image(img image.Image) error { return h.update(ImageBundle(img)) }

// Plot replaces the output with a plot rendered with DefaultPlotOptions.
func (h *Handle) Plot(p *plot.Plot) error { return h.update(PlotBundle(p, DefaultPlotOptions())) }

// PlotWith replaces the output with a plot rendered with opts.
func (h *Handle) PlotWith(p *plot.Plot, opts PlotOptions) error {
	return h.update(PlotBundle(p, opts))
}

// Show replaces the output with any value BundleOf knows.
func (h *Handle) Show(v any) error {
	b, ok, err := bundleOf(v)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("display: no rich display for %T", v)
	}
	h.Update(b)
	return nil
}
