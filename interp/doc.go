// Package interp runs Go notebook cells in a yaegi interpreter, one interpreter per Session.
//
// A cell may mix imports, declarations and statements in any order. Execute splits it with
// go/scanner and go/parser into three kinds of pieces and evaluates them in this order:
//
//  1. imports, minus those the session already has (re-running a cell is never an error);
//  2. type, func, const and var declarations, as one file, so they may refer to each other;
//  3. statements, in the order they appear in the cell. A top-level var declaration whose
//     initializer uses a name that one of the cell's statements defines runs in its place
//     among the statements instead; another declaration that uses such a name is evaluated
//     right after the statement that defines it, together with the declarations that depend
//     on it (a method's type and its other methods included). A name counts as used only
//     free: a receiver, parameter or local of the same name is not a use.
//
// A package clause is ignored and a func main is renamed and called once at the end of its
// cell, so a whole program pasted into a cell runs as it would with go run.
//
// Before evaluation the pieces go through a list of AST rewrites (rewrite_*.go), each a small
// function over an *ast.File (statements come as the body of a func main): rewriteGo, which
// makes a panic in a goroutine started by a cell a report on stderr instead of the end of the
// process, and rewriteAt, which stores the position of each statement that may panic before
// it runs, since yaegi reports a panic at the first statement of its function.
//
// # Redefinitions
//
// Re-running a cell is never an error, and a redefinition takes effect everywhere. A function
// defined again replaces the old one, and the functions of earlier cells that call it are
// evaluated again so that they use the new one. A type or a method defined again identically
// is skipped. yaegi cannot change a type or a method in place, so one defined differently
// moves the session to a fresh interpreter, built as New builds one, where the declarations
// of all earlier cells are replayed in their latest definitions, the cell's own replacing the
// ones it redefines (replay.go). Statements are not replayed: variables are carried over
// with their values (carry.go), unless their type involves a redefined type, or their value
// holds code of the old interpreter (a func literal, an interface value of a cell type, a
// model holding a cell-defined layer), or its type is recursive (yaegi builds those anew);
// those keep their names with zero values, and the cell says so on stderr: "redefined
// Point: dropped p, ps (re-run their cells)". When an earlier declaration no longer compiles
// with the new definition (a method using a removed field), the cell fails and the session
// stays as it was. Goroutines still running keep running in the old interpreter, with the
// old definitions. A replay takes about 25 ms for 30 cells of declarations.
// Because yaegi registers types and methods before it finds errors in their bodies, a file
// declaring them is first compiled as a renamed copy (probe.go): a cell that fails to compile
// leaves nothing behind, and its corrected version defines them as written. Methods added to
// a type of an earlier cell are renamed in the copy too; when the copy cannot be checked
// that way (the cell uses a new method through an interface), the cell fails with a note:
// run those methods in a cell of their own first.
//
// # Results
//
// When the last statement of a cell is an expression, its value is the cell's Result: text/plain
// is Go's %v, except that strings are quoted with %q the way a REPL shows them, plus the rich
// MIME types of display.BundleOf when it knows the value. A call that returns nothing shows
// nothing; so do calls of the fmt.Print and log families and of methods named Write*, Print*
// and Fprint*, whose (n, err) results nobody wants to see. Other calls returning several
// values show them as a tuple, "(3, <nil>)". A value whose type has a String method shows
// what it returns: fmt cannot call the methods of types declared in cells.
//
// # Output
//
// fmt, log, os.Stdout and os.Stderr in a cell write to pipes that the session reads as they
// fill and forwards to the Output of the cell running at that moment (or of the last one, for
// goroutines that outlive their cell). Execute flushes the pipes before it returns, so a cell's
// output always precedes its result.
//
// # Names every cell sees
//
// ctx is a context.Context that follows the running cell: it is done when that cell is
// interrupted. Long native calls take it, as in nn.Fit(ctx, ...). time.Sleep watches it too.
// The packages nn and display are imported in every session; "gograd/nn",
// "github.com/gograd/gograd/nn" and the same for display may also be imported explicitly.
// The display functions are bound to the session, so output goes to the running cell.
// A package a cell uses without importing it (fmt, strings, rand for math/rand, plotter) is
// imported for it.
// A cell that assigns ctx := ... replaces it for the rest of the session.
//
// # Errors
//
// A failed cell returns an *Error. Positions are in the cell's own coordinates and name the cell
// by its execution count: "cell[3]:2:5: undefined: lera". Panics have the name "panic", the
// panic value as value, and as traceback the statement that failed ("at cell[3]:4:2 in f"),
// then the calls that led there ("called from cell[4]:1:1"), innermost first, each with its
// source line; a goroutine's panic also names its go statement. A line that cannot be known
// is given as its candidates ("line 11 or 12", a caller with two calls of the function) or
// said to be unknown (a function literal that native code calls), never guessed. os.Exit,
// log.Fatal and runtime.Goexit end the cell with an "Exit" error; the process keeps running.
// Names that the cell uses and nothing defines are reported before anything runs.
//
// # Interrupts
//
// Cancelling the ctx given to Execute stops interpreted loops, channel operations, select and
// time.Sleep within a moment, and Execute returns the context's error wrapped in an *Error.
// Native calls that ignore ctx keep running in the background until they return. Execute
// waits (up to half a second) for the interrupted program to leave the interpreter, since
// yaegi would otherwise let an interrupted top-level loop resume when the next cell starts.
//
// # Input
//
// fmt.Scan and its kin read lines that Output.Input asks the front end for; when the front end
// gives none (stdin not allowed), the cell ends with a "StdinError". os.Stdin is the process's
// own standard input, not the notebook's.
package interp

//go:generate go run ./internal/gendoc docs_gen.go ../nn=github.com/gograd/gograd/nn ../display=github.com/gograd/gograd/display
