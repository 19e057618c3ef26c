package compat

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"go/parser"
	"go/token"
	"go/types"
	"image/color"
	"image/png"
	"testing"
	"time"

	gostdlib "github.com/gograd/gograd/interp/stdlib"
	"github.com/gograd/gograd/interp/symbols"
	"github.com/gograd/gograd/nn"
	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// The cell values of these sessions go to native variadic parameters of gograd's and
// gonum/plot's interfaces (nn.NewSequential(...nn.Module), (*plot.Plot).Add(...plot.Plotter)).
// The corpus is built with the standard library only, so each session is checked here
// against the same code compiled into the test: the native objects must call the cells'
// methods (the Sequential's Forward the cell layers', the plot's Draw the cell plotter's).

// runNativeSession rewrites and evaluates cells in order in an interpreter given the
// standard library and gograd's symbol tables, as the session sets it up, and returns
// what they printed. Cells starting with "import" are evaluated as they are.
func runNativeSession(t *testing.T, cells ...string) string {
	t.Helper()
	var out bytes.Buffer
	i := interp.New(interp.Options{Stdout: &out, Stderr: &out})
	tables := Filter(gostdlib.Merge(stdlib.Symbols))
	for k, v := range symbols.Symbols {
		tables[k] = v
	}
	if err := i.Use(tables); err != nil {
		t.Fatal(err)
	}
	if err := Load(i); err != nil {
		t.Fatal(err)
	}
	rw := Rewriter{Symbols: tables}
	for n, cell := range cells {
		name := fmt.Sprintf("cell%d.go", n+1)
		if len(cell) >= 6 && cell[:6] == "import" {
			name = fmt.Sprintf("import%d.go", n+1)
		}
		src := []byte("package main\n\n" + cell)
		pieces := []string{string(src)}
		if !sessionImports(name) {
			pieces = rewriteCell(t, &rw, name, src)
		}
		for _, code := range pieces {
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			_, err := i.EvalWithContext(ctx, code)
			cancel()
			if err != nil {
				t.Fatalf("%s: %v\nrewritten:\n%s\nprinted so far:\n%s", name, err, code, out.String())
			}
		}
	}
	return out.String()
}

// nativeDouble and nativeShift are the cell layers of TestVariadicSequential, compiled.
type nativeDouble struct{ calls int }

func (d *nativeDouble) Forward(x *nn.Tensor) *nn.Tensor { d.calls++; return nn.Add(x, x) }
func (d *nativeDouble) Parameters() []*nn.Tensor        { return nil }

type nativeShift struct{ by *nn.Tensor }

func (s nativeShift) Forward(x *nn.Tensor) *nn.Tensor { return nn.Add(x, s.by) }
func (s nativeShift) Parameters() []*nn.Tensor        { return []*nn.Tensor{s.by} }

func TestVariadicSequential(t *testing.T) {
	got := runNativeSession(t,
		`import (
	"fmt"

	"github.com/gograd/gograd/nn"
)`,
		`type Double struct{ calls int }

func (d *Double) Forward(x *nn.Tensor) *nn.Tensor { d.calls++; return nn.Add(x, x) }

func (d *Double) Parameters() []*nn.Tensor { return nil }

type Shift struct{ by *nn.Tensor }

func (s Shift) Forward(x *nn.Tensor) *nn.Tensor { return nn.Add(x, s.by) }

func (s Shift) Parameters() []*nn.Tensor { return []*nn.Tensor{s.by} }`,
		`func main() {
	d := &Double{}
	model := nn.NewSequential(nn.NewLinear(2, 3, nn.Xavier, 1), d, Shift{nn.Full(0.5, 1, 3)})
	y := model.Forward(nn.FromRows([][]float64{{1, 2}, {3, 4}}))
	fmt.Println(y, d.calls, len(model.Parameters()))
}`)

	d := &nativeDouble{}
	model := nn.NewSequential(nn.NewLinear(2, 3, nn.Xavier, 1), d, nativeShift{nn.Full(0.5, 1, 3)})
	y := model.Forward(nn.FromRows([][]float64{{1, 2}, {3, 4}}))
	want := fmt.Sprintln(y, d.calls, len(model.Parameters()))
	if got != want {
		t.Errorf("the session printed:\n%s\ncompiled Go prints:\n%s", got, want)
	}
}

// nativeBox is the cell plotter of TestVariadicPlotAdd, compiled.
type nativeBox struct{ c color.RGBA }

func (b nativeBox) Plot(c draw.Canvas, plt *plot.Plot) {
	c.SetColor(b.c)
	c.Fill(c.Rectangle.Path())
}

// pngSummary returns the first bytes of the SHA-256 of a PNG and its number of pure red
// pixels.
func pngSummary(data []byte) (string, int, error) {
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return "", 0, err
	}
	red := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if r, g, bl, _ := img.At(x, y).RGBA(); r == 0xffff && g == 0 && bl == 0 {
				red++
			}
		}
	}
	sum := sha256.Sum256(data)
	return fmt.Sprintf("%x", sum[:8]), red, nil
}

func TestVariadicPlotAdd(t *testing.T) {
	got := runNativeSession(t,
		`import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"image/color"
	"image/png"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)`,
		`type box struct{ c color.RGBA }

func (b box) Plot(c draw.Canvas, plt *plot.Plot) {
	c.SetColor(b.c)
	c.Fill(c.Rectangle.Path())
}

func summary(data []byte) (string, int, error) {
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return "", 0, err
	}
	red := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if r, g, bl, _ := img.At(x, y).RGBA(); r == 0xffff && g == 0 && bl == 0 {
				red++
			}
		}
	}
	sum := sha256.Sum256(data)
	return fmt.Sprintf("%x", sum[:8]), red, nil
}`,
		`func main() {
	p := plot.New()
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1, 0, 1
	p.Add(box{color.RGBA{R: 255, A: 255}}, plotter.NewGrid())
	w, err := p.WriterTo(2*vg.Inch, 2*vg.Inch, "png")
	var buf bytes.Buffer
	_, err2 := w.WriteTo(&buf)
	fmt.Println(err, err2)
	fmt.Println(summary(buf.Bytes()))
}`)

	p := plot.New()
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1, 0, 1
	p.Add(nativeBox{color.RGBA{R: 255, A: 255}}, plotter.NewGrid())
	w, err := p.WriterTo(2*vg.Inch, 2*vg.Inch, "png")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := w.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	hash, red, err := pngSummary(buf.Bytes())
	if err != nil || red == 0 {
		t.Fatalf("the compiled plot has %d red pixels (%v): the test draws nothing", red, err)
	}
	if want := "<nil> <nil>\n" + fmt.Sprintln(hash, red, err); got != want {
		t.Errorf("the session printed:\n%s\ncompiled Go prints:\n%s", got, want)
	}
}

// The rewrite writes the interface type with the name under which the cells refer to its
// package, and reports the call (variadicIfaces) rather than write a name the interpreter
// does not know when the cells never name the package.
func TestVariadicTypeNames(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "cell.go", "package main\n\nimport stdio \"io\"\n\nvar _ stdio.Reader\n", 0)
	if err != nil {
		t.Fatal(err)
	}
	imp := newSourceImporter()
	imp.natives = newNativeTypes(gostdlib.Merge(stdlib.Symbols))
	r := &rewriter{fset: fset, info: check(fset, f, imp), scope: f.Scope}
	writer := imp.natives.Package("io").Scope().Lookup("Writer").Type()
	if x := r.typeExprImported(writer, f.Pos()); x == nil || render(fset, x) != "stdio.Writer" {
		t.Errorf("io.Writer written as %v, want stdio.Writer", x)
	}
	pkg := types.NewPackage("example.com/shapes", "shapes")
	shape := types.NewNamed(types.NewTypeName(token.NoPos, pkg, "Shape", nil), types.NewInterfaceType(nil, nil), nil)
	if x := r.typeExprImported(shape, f.Pos()); x != nil {
		t.Errorf("shapes.Shape, a package the cell does not name, written as %s, want nothing", render(fset, x))
	}
}
