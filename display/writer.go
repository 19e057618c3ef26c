package display

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"image"
	"sync"

	"gonum.org/v1/plot"
)

// Publisher is where a Writer sends output: the running cell of a notebook session. The
// interpreter implements it on top of the kernel's output. Methods may be called from any
// goroutine.
type Publisher interface {
	// Publish shows b. A non-empty displayID makes it updatable; update replaces the output
	// shown earlier with the same displayID instead of adding a new one.
	Publish(b Bundle, displayID string, update bool)
	// Clear clears the cell's output; with wait, only when new output arrives.
	Clear(wait bool)
}

// Writer is the display API of one notebook session. Its exported methods are what cells call
// as display.HTML, display.Markdown and so on. The methods that can fail return an error
// (and show nothing); the others cannot fail. A Writer is safe for concurrent use.
type Writer struct {
	pub    Publisher
	prefix string // random, so display ids of two sessions never collide

	mu   sync.Mutex
	next int // sequence number of the next display id
}

// NewWriter returns a Writer that shows its output through pub.
func NewWriter(pub Publisher) *Writer {
	var b [6]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	return &Writer{pub: pub, prefix: "gograd-" + hex.EncodeToString(b[:])}
}

// newID returns a display id unique to this Writer and, with overwhelming likelihood, to
// every session.
func (w *Writer) newID() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.next++
	return fmt.Sprintf("%s-%d", w.prefix, w.next)
}

// emit publishes b unless err is set.
func (w *Writer) emit(b Bundle, err error) error {
	if err != nil {
		return err
	}
	w.pub.Publish(b, "", false)
	return nil
}

// HTML shows an HTML fragment.
func (w *Writer) HTML(html string) { w.pub.Publish(Text("text/html", html), "", false) }

// Markdown shows Markdown text, rendered by the front end.
func (w *Writer) Markdown(md string) { w.pub.Publish(Text("text/markdown", md), "", false) }

// LaTeX shows LaTeX, rendered by the front end's MathJax; use "$...$" for math.
func (w *Writer) LaTeX(tex string) { w.pub.Publish(LaTeXBundle(tex), "", false) }

// SVG shows an SVG document.
func (w *Writer) SVG(svg string) { w.pub.Publish(SVGBundle(svg), "", false) }

// PNG shows PNG-encoded bytes; it fails when they are not a PNG.
func (w *Writer) PNG(b []byte) error { return w.emit(EncodedImageBundle("image/png", b)) }

// JPEG shows JPEG-encoded bytes; it fails when they are not a JPEG.
func (w *Writer) JPEG(b []byte) error { return w.emit(EncodedImageBundle("image/jpeg", b)) }

// JSON shows v as a JSON tree; see JSONBundle for what v may be.
func (w *Writer) JSON(v any) error { return w.emit(JSONBundle(v)) }

// Image shows an image as a PNG.
func (w *Writer) Image(img image.Image) error { return w.emit(ImageBundle(img)) }

// Plot shows a gonum plot as a PNG of DefaultPlotOptions.
func (w *Writer) Plot(p *plot.Plot) error { return w.emit(PlotBundle(p, DefaultPlotOptions())) }

// PlotWith shows a gonum plot with the given size, DPI and format ("png" or "svg").
func (w *Writer) PlotWith(p *plot.Plot, opts PlotOptions) error {
	return w.emit(PlotBundle(p, opts))
}

// Show shows any value BundleOf knows: a Bundle, a plot, an image, an nn tensor, graph or
// history, or a value with a MIMEBundle method. It fails for values with no rich form.
func (w *Writer) Show(v any) error {
	b, ok, err := bundleOf(v)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("display: no rich display for %T", v)
	}
	w.pub.Publish(b, "", false)
	return nil
}

// Clear clears the output of the running cell at once.
func (w *Writer) Clear() { w.pub.Clear(false) }

// ClearWait clears the output of the running cell when the next output arrives, which avoids
// flicker in hand-written animation loops.
func (w *Writer) ClearWait() { w.pub.Clear(true) }

// NewHandle returns an updatable display: its first output adds one to the cell and each later
// one replaces it in place, with any MIME type.
func (w *Writer) NewHandle() *Handle { return &Handle{w: w, id: w.newID()} }
