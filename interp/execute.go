package interp

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/token"
	"strings"
	"time"

	"github.com/traefik/yaegi/interp"
)

// Result is what a cell evaluates to: a MIME bundle and its metadata. A nil Data means the
// cell has nothing to show.
type Result struct {
	Data     map[string]any
	Metadata map[string]any
}

// Execute runs one cell. Output goes to out while the cell runs; all of it has been delivered
// when Execute returns. A failed cell returns an *Error; an interrupted one (ctx cancelled)
// returns promptly with an *Error named "Interrupt", and the session stays usable.
func (s *Session) Execute(ctx context.Context, code string, out Output) (Result, error) {
	s.run.Lock()
	defer s.run.Unlock()
	s.resetRegisters()
	s.begin(ctx, out)
	defer s.end()
	s.keepSource(out.ExecutionCount(), code)
	err := s.runCell(ctx, cellFile(out.ExecutionCount()), code)
	s.flush()
	if err != nil {
		e := s.cellError(err)
		s.quoteSource(e)
		return Result{}, e
	}
	return s.takeResult(), nil
}

// begin makes ctx and out those of the running cell.
func (s *Session) begin(ctx context.Context, out Output) {
	s.stderr.takePanics()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.out, s.cellCtx = out, ctx
	s.result, s.hasResult = nil, false
}

// end leaves the output of the last cell in place for late goroutines, and ctx to follow
// no cell.
func (s *Session) end() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cellCtx = context.Background()
}

// cellError turns any failure of runCell into an *Error.
func (s *Session) cellError(err error) *Error {
	var e *Error
	var ce *compileError
	var ie *interrupted
	var p interp.Panic
	switch {
	case errors.As(err, &e):
		return e
	case errors.As(err, &ie):
		return interruptError()
	case errors.As(err, &ce):
		return newError("CompileError", cleanMessage(ce.msg), nil)
	case errors.As(err, &p):
		return panicError(p.Value, s.panicFrames(s.stderr.takePanics(), s.registers(0), token.NoPos))
	}
	return newError("CompileError", cleanMessage(err.Error()), nil)
}

// piece is one parsed step of a cell: a declaration file or a statement block.
type piece struct {
	file    *ast.File      // the declarations, nil for statements
	block   *ast.BlockStmt // the statements
	wrapper *ast.File      // the file around the statements, which rewrites see
}

// runCell parses, checks, rewrites and evaluates a cell whose positions are reported in file.
func (s *Session) runCell(ctx context.Context, file, code string) error {
	fset := s.yaegi().FileSet()
	importUnits, steps := plan(code, splitCell(code))
	var imports *ast.File
	var err error
	if len(importUnits) > 0 {
		if imports, err = parseDecls(fset, file, code, importUnits); err != nil {
			return syntaxError(code, err)
		}
	}
	pieces := make([]piece, len(steps))
	var files, wrappers []*ast.File
	var blocks []*ast.BlockStmt
	for i, st := range steps {
		if st.decl {
			pieces[i].file, err = parseDecls(fset, file, code, st.units)
			files = append(files, pieces[i].file)
		} else {
			pieces[i].block, pieces[i].wrapper, err = parseStmts(fset, file, code, st.units)
			wrappers, blocks = append(wrappers, pieces[i].wrapper), append(blocks, pieces[i].block)
		}
		if err != nil {
			return syntaxError(code, err)
		}
	}
	imports = s.autoImports(imports, unresolvedIdents(files, wrappers), topNames(files, blocks))
	if err := s.checkNames(imports, files, wrappers, blocks); err != nil {
		return err
	}
	if err := s.importAll(ctx, imports); err != nil {
		return err
	}
	var mainPos token.Pos
	for i, p := range pieces {
		if p.file != nil && mainPos == token.NoPos {
			mainPos = renameMain(p.file)
		}
		last := i == len(pieces)-1
		if err := s.evalPiece(ctx, p, last); err != nil {
			return err
		}
	}
	if mainPos != token.NoPos {
		call := &ast.ExprStmt{X: &ast.CallExpr{Fun: &ast.Ident{Name: mainName, NamePos: mainPos}, Lparen: mainPos, Rparen: mainPos}}
		return s.eval(ctx, blockOf([]ast.Stmt{call}), nil)
	}
	return nil
}

// mainName is what a cell's func main is renamed to: yaegi runs a function named main after
// every later evaluation, while a pasted program expects it to run once, at the end of its cell.
const mainName = "__gogradMain"

// renameMain renames the func main of f, if any, and returns its position.
func renameMain(f *ast.File) token.Pos {
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "main" {
			fd.Name.Name = mainName
			return fd.Name.Pos()
		}
	}
	return token.NoPos
}

// checkNames reports the names a cell uses that neither it nor the session defines.
func (s *Session) checkNames(imports *ast.File, files, wrappers []*ast.File, blocks []*ast.BlockStmt) error {
	defined := map[string]bool{}
	for _, n := range topNames(files, blocks) {
		defined[n] = true
	}
	if imports != nil {
		for _, spec := range imports.Imports {
			name, _ := s.importName(spec)
			if name == "." {
				return nil // a dot import defines names we do not list
			}
			defined[name] = true
		}
	}
	s.mu.Lock()
	dot := s.dotImport
	s.mu.Unlock()
	if dot {
		return nil
	}
	return undefinedNames(s.yaegi().FileSet(), unresolvedIdents(files, wrappers), func(n string) bool {
		return defined[n] || s.known(n)
	})
}

// evalPiece rewrites and evaluates one piece; the last piece of a cell may yield its result.
func (s *Session) evalPiece(ctx context.Context, p piece, last bool) error {
	fset := s.yaegi().FileSet()
	if p.file != nil {
		redefined := s.dropRepeats(p.file)
		if len(p.file.Decls) == 0 {
			return nil
		}
		srcs := defSources(p.file)                   // as the user wrote them, which dropRepeats compares
		methods, rest, split := splitForeign(p.file) // before the rewrites change p.file
		if err := s.applyRewrites(fset, p.file); err != nil {
			return err
		}
		if split && genericForeign(methods) {
			// yaegi attaches methods to an earlier cell's generic type only after the
			// file that declares them: a function beside them failed ("undefined
			// selector: Push"), whatever the probe says
			return s.evalSplit(ctx, methods, rest, last)
		}
		if err := s.probe(p.file); err != nil {
			if split {
				if ran, err := s.evalMethodsFirst(ctx, methods, rest, err, last); ran {
					return err
				}
			}
			return err
		}
		done := func() { s.remember(p.file.Decls, nil); s.rememberDefs(p.file, srcs); s.record(p.file, nil) }
		if len(redefined) > 0 {
			return s.rebuild(ctx, p.file, redefined, done)
		}
		changed := s.redefinedFuncs(p.file)
		if err := s.eval(ctx, p.file, done); err != nil {
			s.rememberTypes(p.file)
			return err
		}
		return s.refreshCallers(ctx, changed, p.file)
	}
	if err := s.applyRewrites(fset, p.wrapper); err != nil {
		return err
	}
	list := p.wrapper.Decls[0].(*ast.FuncDecl).Body.List
	var tail *ast.ExprStmt
	var tailAt ast.Stmt // the register store before the tail (rewrite_at.go)
	if n := len(list); last && n > 0 {
		if es, ok := list[n-1].(*ast.ExprStmt); ok && wantsResult(es.X) {
			tail, list = es, list[:n-1]
			if pos, ok := atStoreAtEnd(list); ok {
				tailAt, list = list[len(list)-1], list[:len(list)-1]
				s.at.markTail(pos)
			}
		}
	}
	list = s.topDefers(list)
	if len(list) > 0 {
		if err := s.eval(ctx, blockOf(list), func() { s.remember(nil, list); s.record(nil, list) }); err != nil {
			return err
		}
	}
	if tail != nil {
		return s.evalTail(ctx, tail, tailAt)
	}
	return nil
}

// atStoreAtEnd tells whether list ends with a register store, and its value.
func atStoreAtEnd(list []ast.Stmt) (token.Pos, bool) {
	if len(list) == 0 {
		return token.NoPos, false
	}
	return isAtStore(list[len(list)-1])
}

// cellMethod reports whether a type declared in a cell has a method with this name.
func (s *Session) cellMethod(name string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for key := range s.typeDefs {
		if strings.HasSuffix(key, "."+name) {
			return true
		}
	}
	return false
}

// evalTail evaluates a cell's last expression and records its value, with the bundle of its
// MIMEBundle or HTML method, or else the text of its String method, when it has one (native
// code cannot call the methods of cell types); when the
// expression has no value (a call of a function returning nothing), it is evaluated as a
// statement. The variants are tried at compile time, so the expression runs once. at, if not
// nil, is the register store that goes before the expression.
func (s *Session) evalTail(ctx context.Context, es *ast.ExprStmt, at ast.Stmt) error {
	pos := es.X.Pos()
	withValue := func(body string) ast.Expr {
		x := template("func() { __v := X; "+hiddenName+"."+body+" }()", pos)
		ast.Inspect(x, func(n ast.Node) bool {
			if as, ok := n.(*ast.AssignStmt); ok {
				as.Rhs[0] = es.X
				return false // the user's expression is not part of the template
			}
			return true
		})
		return x
	}
	// The function literal of withValue is no frame of the user's in a panic's traceback.
	fset := s.yaegi().FileSet()
	s.at.record(nil, []atBody{{start: fset.Position(pos), end: fset.Position(es.X.End()), fn: litName(""), reg: regTop, wrapper: true}})
	// Each variant costs a compilation: try a method only when some cell type has it.
	var variants []ast.Expr
	if s.cellMethod("MIMEBundle") {
		variants = append(variants, withValue("ShowRich(__v, __v.MIMEBundle())"))
	}
	if s.cellMethod("HTML") {
		variants = append(variants, withValue(`ShowRich(__v, map[string]any{"text/html": __v.HTML()})`))
	}
	if s.cellMethod("String") {
		variants = append(variants, withValue("ShowText(__v, __v.String())"))
	}
	if shown := s.compat.Display(fset, es.X, "__v"); shown != nil {
		// a value holding cell values with String or Error methods: shown as fmt.Print
		// prints its rebuild (compat's printvalues.go)
		x := withValue("ShowPrinted(__v, nil)")
		ast.Inspect(x, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok && len(c.Args) == 2 {
				if id, ok := c.Args[1].(*ast.Ident); ok && id.Name == "nil" {
					c.Args[1] = shown
					return false
				}
			}
			return true
		})
		variants = append(variants, x)
	}
	variants = append(variants, hiddenCall("Show", pos, es.X), es.X)
	var prog *interp.Program
	var err error
	for _, x := range variants {
		stmts := []ast.Stmt{&ast.ExprStmt{X: x}}
		if at != nil {
			stmts = append([]ast.Stmt{at}, stmts...)
		}
		if prog, err = s.compile(blockOf(stmts)); err == nil {
			break
		}
	}
	if err != nil {
		return err
	}
	return s.execute(ctx, prog)
}

// eval compiles and runs one node; compiled runs between the two, once the names the node
// defines exist (they do even if running it fails).
func (s *Session) eval(ctx context.Context, n ast.Node, compiled func()) error {
	prog, err := s.compile(n)
	if err != nil {
		return err
	}
	if compiled != nil {
		compiled()
	}
	return s.execute(ctx, prog)
}

// compile compiles n, turning yaegi's internal panics into errors.
func (s *Session) compile(n ast.Node) (prog *interp.Program, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &compileError{msg: fmt.Sprint(r)}
		}
	}()
	return s.yaegi().CompileAST(n)
}

// execute runs prog until it ends or ctx is cancelled.
func (s *Session) execute(ctx context.Context, prog *interp.Program) error {
	_, err := s.yaegi().ExecuteWithContext(ctx, prog)
	if err != nil && ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		if !settle(500 * time.Millisecond) {
			s.log.Warn("interp: an interrupted cell is still in a native call; the rest of it runs when the call returns")
		}
		return &interrupted{err: err}
	}
	return err
}

// blockOf wraps statements in a block positioned at the first one: yaegi scopes names by the
// file of the root node's position.
func blockOf(list []ast.Stmt) *ast.BlockStmt {
	return &ast.BlockStmt{Lbrace: list[0].Pos(), List: list, Rbrace: list[len(list)-1].End()}
}

// hiddenCall builds __gograd.name(args...) with every position at pos.
func hiddenCall(name string, pos token.Pos, args ...ast.Expr) *ast.CallExpr {
	return &ast.CallExpr{
		Fun:    &ast.SelectorExpr{X: &ast.Ident{Name: hiddenName, NamePos: pos}, Sel: &ast.Ident{Name: name, NamePos: pos}},
		Lparen: pos,
		Args:   args,
		Rparen: pos,
	}
}

// interruptError is the error of an interrupted cell.
func interruptError() *Error {
	return newError("Interrupt", "the cell was interrupted; the session and its variables are kept", nil)
}
