package interp

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/gograd/gograd/display"
	"github.com/traefik/yaegi/interp"
)

// yaegi keeps the first definition of a type or a method. A cell that defines one
// differently therefore moves the session to a fresh interpreter, built as New builds one,
// where the session's history (history.go) is replayed as a single file: every declaration
// in its latest definition, the cell's own declarations replacing the ones they redefine,
// and the variables declared and given their values (carry.go). Declarations are replayed,
// statements are not: a variable keeps its value unless its own cell runs again, and one
// whose type changed is reported dropped on stderr, with its zero value.
//
// The old interpreter is left to the garbage collector once its goroutines end: goroutines
// still running keep running there, with the old definitions. Positions stay valid because
// the fresh interpreter's file set starts with the old one's files. If the replay does not
// compile (an earlier function uses a field the new type lacks), the cell fails and the
// session keeps the old interpreter, untouched.

// swapState is what rebuild changes in the session, to put it back when the replay fails.
type swapState struct {
	in      *interp.Interpreter
	std     interp.Exports
	writer  *display.Writer
	symbols map[string]map[string]reflect.Value
	imports map[string]string
	hist    history
}

// save returns the state rebuild changes.
func (s *Session) save() swapState {
	s.mu.Lock()
	defer s.mu.Unlock()
	imports := make(map[string]string, len(s.imports))
	for k, v := range s.imports {
		imports[k] = v
	}
	return swapState{in: s.in, std: s.std, writer: s.writer, symbols: s.compat.Symbols, imports: imports, hist: s.hist.clone()}
}

// restore puts back a saved state.
func (s *Session) restore(st swapState) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.in, s.std, s.writer, s.compat.Symbols, s.imports, s.hist = st.in, st.std, st.writer, st.symbols, st.imports, st.hist
}

// rebuild replaces the interpreter by a fresh one holding the session's history with the
// declarations of cell, which redefines the types and methods of redefined. It runs the
// declarations of cell, as evaluating cell would; done runs once the fresh interpreter is
// the session's, before cell's variables are initialized.
func (s *Session) rebuild(ctx context.Context, cell *ast.File, redefined map[string]bool, done func()) error {
	s.mu.Lock()
	dot := s.dotImport
	s.mu.Unlock()
	if dot {
		return &compileError{msg: "redefining " + strings.Join(sortedKeys(redefined), ", ") +
			" needs a fresh interpreter, which cannot replay a dot import: restart the kernel to redefine it, or use a new name"}
	}
	old := s.save()
	keys, cellVars := fileKeys(cell)
	hist := old.hist.clone()
	hist.drop(keys)
	changed := s.changedTypes(hist, redefined)
	vars := slices.DeleteFunc(slices.Clone(hist.vars), func(n string) bool {
		return slices.Contains(cellVars, n) || slices.Contains(keys, n)
	})
	plan := planCarry(old.in, vars, changed)

	fresh := s.newYaegi()
	var files []*token.File
	old.in.FileSet().Iterate(func(f *token.File) bool { files = append(files, f); return true })
	fresh.FileSet().AddExistingFiles(files...)
	s.mu.Lock()
	s.in, s.imports, s.hist = fresh, map[string]string{}, history{}
	s.mu.Unlock()
	prog, err := s.replay(ctx, old.imports, hist, plan, cell, redefined)
	if err != nil {
		s.restore(old)
		return err
	}
	s.mu.Lock()
	s.hist = hist
	s.mu.Unlock()
	s.compat.Carried(plan.native) // yaegi infers no type argument from them: compat writes it
	done()
	err = s.execute(ctx, prog)
	plan.apply(fresh)
	s.reportDropped(redefined, plan.dropped)
	return err
}

// replay wires the fresh interpreter, imports the session's packages and compiles the
// history with the cell's declarations and the carried variables.
func (s *Session) replay(ctx context.Context, imports map[string]string, hist history, plan *carryPlan, cell *ast.File, redefined map[string]bool) (*interp.Program, error) {
	if err := s.wire(plan.exports); err != nil {
		return nil, err
	}
	fset := s.yaegi().FileSet()
	header := "package main\n//line " + cellFile(0) + ":1:1\n"
	carry, err := parser.ParseFile(fset, sourceBase, header+"import "+carryName+" "+strconv.Quote(carryPath), 0)
	if err != nil {
		return nil, fmt.Errorf("interp: replay imports: %w", err)
	}
	if err := s.eval(ctx, carry, nil); err != nil {
		return nil, fmt.Errorf("interp: replay imports: %w", err)
	}
	src := ""
	for name, path := range imports {
		src += "import " + name + " " + strconv.Quote(path) + "\n"
	}
	imp, err := parser.ParseFile(fset, sourceBase, header+src, 0)
	if err != nil {
		return nil, fmt.Errorf("interp: replay imports: %w", err)
	}
	if err := s.importAll(ctx, imp); err != nil {
		return nil, err
	}
	vars, err := parser.ParseFile(fset, sourceBase, header+strings.Join(plan.decls, "\n"), 0)
	if err != nil {
		return nil, fmt.Errorf("interp: replay variables: %w", err)
	}
	file := &ast.File{Package: cell.Package, Name: cell.Name}
	for _, e := range hist.decls {
		file.Decls = append(file.Decls, e.decl)
	}
	file.Decls = append(file.Decls, vars.Decls...)
	file.Decls = append(file.Decls, cell.Decls...)
	prog, err := s.compile(file)
	if err != nil {
		return nil, &compileError{msg: fmt.Sprintf("%v\n(redefining %s: the declarations of earlier cells no longer compile with it; redefine them in this cell too)",
			err, strings.Join(sortedKeys(redefined), ", "))}
	}
	return prog, nil
}

// changedTypes returns the redefined types (not methods) and the types of hist whose
// definitions mention them, directly or through each other.
func (s *Session) changedTypes(hist history, redefined map[string]bool) map[string]bool {
	changed := map[string]bool{}
	for k := range redefined {
		if !strings.Contains(k, ".") {
			changed[k] = true
		}
	}
	for grew := true; grew; {
		grew = false
		for _, e := range hist.decls {
			g, ok := e.decl.(*ast.GenDecl)
			if !ok || g.Tok != token.TYPE || changed[e.keys[0]] {
				continue
			}
			if mentionsAny(source(g), changed) {
				changed[e.keys[0]], grew = true, true
			}
		}
	}
	return changed
}

// identifier matches a Go identifier.
var identifier = regexp.MustCompile(`[\pL_][\pL\pN_]*`)

// mentionsAny tells whether src uses one of names as an identifier.
func mentionsAny(src string, names map[string]bool) bool {
	for _, id := range identifier.FindAllString(src, -1) {
		if names[id] {
			return true
		}
	}
	return false
}

// reportDropped writes to the cell's stderr the variables a redefinition lost.
func (s *Session) reportDropped(redefined map[string]bool, dropped []string) {
	var names []string
	for _, n := range dropped {
		if !strings.HasPrefix(n, "__") {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return
	}
	sort.Strings(names)
	fmt.Fprint(s.stderr.w, droppedLine(sortedKeys(redefined), names))
}

// sortedKeys returns the keys of m in order.
func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
