package interp

import (
	"go/ast"
	"go/token"
)

// rewriteBlocks runs each compound statement at the top level of a cell (for, range, if,
// switch, select, a bare block, a labelled statement) inside a function literal called on the
// spot:
//
//	for i := 0; i < n; i++ { x, y := d.Batch(i, 32); ... }
//	=>  func() { for i := 0; i < n; i++ { x, y := d.Batch(i, 32); ... } }()
//
// yaegi v0.16.1 mistypes a multi-value := inside a block at the global scope ("undefined:
// x"), which is exactly how a training loop in a cell takes its batches; inside a function
// it is right. The names such a statement declares are local to it anyway, so nothing the
// rest of the cell sees changes. (A defer in such a statement runs when the statement ends
// rather than the cell, and a goto between top-level statements would no longer compile:
// neither is written at a cell's top level in practice.)
func rewriteBlocks(_ *token.FileSet, f *ast.File) error {
	body := cellBody(f)
	if body == nil {
		return nil
	}
	for i, st := range body.List {
		if isCompound(st) {
			body.List[i] = callInPlace(st)
		}
	}
	return nil
}

// cellBody returns the statements of a statement piece: the body of its func main.
func cellBody(f *ast.File) *ast.BlockStmt {
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.Name == "main" {
			return fn.Body
		}
	}
	return nil
}

func isCompound(st ast.Stmt) bool {
	switch st.(type) {
	case *ast.ForStmt, *ast.RangeStmt, *ast.IfStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt,
		*ast.SelectStmt, *ast.BlockStmt, *ast.LabeledStmt:
		return true
	}
	return false
}

// callInPlace returns `func() { st }()`, positioned where st starts.
func callInPlace(st ast.Stmt) ast.Stmt {
	pos, end := st.Pos(), st.End()
	lit := &ast.FuncLit{
		Type: &ast.FuncType{Func: pos, Params: &ast.FieldList{Opening: pos, Closing: pos}},
		Body: &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{st}, Rbrace: end},
	}
	return &ast.ExprStmt{X: &ast.CallExpr{Fun: lit, Lparen: end, Rparen: end}}
}
