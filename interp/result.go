package interp

import (
	"fmt"
	"go/ast"
	"strconv"
	"strings"
)

// quiet lists calls whose results a cell never shows: the print family returns
// (n int, err error), which nobody wants to see after the printed text, and so does the
// family that reads input. So do the methods
// named Write*, Print* and Fprint*, such as os.Stdout.WriteString.
var quiet = map[string]bool{
	"fmt.Print": true, "fmt.Printf": true, "fmt.Println": true,
	"fmt.Fprint": true, "fmt.Fprintf": true, "fmt.Fprintln": true,
	"fmt.Scan": true, "fmt.Scanf": true, "fmt.Scanln": true,
	"fmt.Fscan": true, "fmt.Fscanf": true, "fmt.Fscanln": true,
	"print": true, "println": true, "panic": true, "close": true, "delete": true,
	"copy": true, "clear": true,
}

// wantsResult tells whether a cell's last expression should become its result.
func wantsResult(x ast.Expr) bool {
	call, ok := x.(*ast.CallExpr)
	if !ok {
		return true
	}
	fun := call.Fun
	for {
		p, ok := fun.(*ast.ParenExpr)
		if !ok {
			break
		}
		fun = p.X
	}
	switch fun := fun.(type) {
	case *ast.FuncLit:
		return fun.Type.Results != nil && len(fun.Type.Results.List) > 0
	case *ast.Ident:
		return !quiet[fun.Name]
	case *ast.SelectorExpr:
		for _, p := range []string{"Write", "Print", "Fprint"} {
			if strings.HasPrefix(fun.Sel.Name, p) {
				return false
			}
		}
		if pkg, ok := fun.X.(*ast.Ident); ok {
			return !quiet[pkg.Name+"."+fun.Sel.Name] && pkg.Name != "log"
		}
	}
	return true
}

// takeResult turns the value the cell's last expression showed into a Result.
func (s *Session) takeResult() Result {
	s.mu.Lock()
	vals, ok, text, rich := s.result, s.hasResult, s.resultText, s.resultRich
	s.result, s.hasResult, s.resultText, s.resultRich = nil, false, nil, nil
	s.mu.Unlock()
	if !ok || len(vals) == 0 {
		return Result{}
	}
	data := map[string]any{"text/plain": formatValues(vals)}
	if text != nil {
		data["text/plain"] = *text
	}
	var meta map[string]any
	if rich != nil {
		for k, v := range rich {
			data[k] = v
		}
		return Result{Data: data}
	}
	if len(vals) == 1 && s.bundleOf != nil && vals[0] != nil {
		if b, ok := s.bundleOf(vals[0]); ok {
			for k, v := range b.Data {
				data[k] = v
			}
			meta = b.Metadata
		}
	}
	return Result{Data: data, Metadata: meta}
}

// formatValues formats one value as formatValue does, and several as a tuple "(1, <nil>)".
func formatValues(vals []any) string {
	if len(vals) == 1 {
		return formatValue(vals[0])
	}
	parts := make([]string, len(vals))
	for i, v := range vals {
		parts[i] = formatValue(v)
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// formatValue is Go's %v, with strings quoted the way a REPL shows them.
func formatValue(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	return fmt.Sprintf("%v", v)
}
