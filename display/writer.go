package display

// Bundle is one piece of rich output: MIME type to content (text, or base64 for images), plus
// optional per-MIME metadata such as an image's width and height.
type Bundle struct {
	Data     map[string]any
	Metadata map[string]any
}

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
// as display.HTML, display.Markdown and so on.
type Writer struct {
	pub Publisher
}

// NewWriter returns a Writer that shows its output through pub.
func NewWriter(pub Publisher) *Writer { return &Writer{pub: pub} }

// HTML shows an HTML fragment.
func (w *Writer) HTML(html string) { w.pub.Publish(Text("text/html", html), "", false) }

// Markdown shows Markdown text, rendered by the front end.
func (w *Writer) Markdown(md string) { w.pub.Publish(Text("text/markdown", md), "", false) }

// Clear clears the output of the running cell at once.
func (w *Writer) Clear() { w.pub.Clear(false) }

// Text returns a bundle with one textual MIME type and its plain-text fallback.
func Text(mime, s string) Bundle {
	data := map[string]any{mime: s}
	if mime != "text/plain" {
		data["text/plain"] = s
	}
	return Bundle{Data: data}
}
