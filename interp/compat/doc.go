// Package compat closes the gaps between the Go that yaegi v0.16.1 interprets (Go 1.22
// at best, with some silent wrong answers) and the Go 1.26 that students paste into cells.
//
// It works in two places:
//
//   - Before evaluation, Rewrite turns one parsed cell into Go that yaegi runs the way
//     Go 1.26 would: range over integers and over functions, the built-ins min, max and
//     clear, per-iteration loop variables, type switches and interface conversions of
//     cell types, %T and json of cell types. What cannot be made to work becomes an
//     error naming the feature and the workaround.
//   - At session start, Load compiles into the interpreter the interpreted packages the
//     rewrites call (package gogradcompat) and interpreted stand-ins for the generic
//     standard packages yaegi lacks or has only in part: cmp, iter, maps and slices.
//
// The session must give yaegi its standard library through Filter, so that the empty
// binary cmp, maps and slices packages do not hide the interpreted ones, and must call
// Load after its last Use of the standard library: each such Use makes yaegi recompile
// its own partial cmp, maps and slices over ours.
//
// Sessions use a Rewriter, one per session with cells rewritten in order: it remembers the
// declarations of earlier cells so that their types are known (a range over an iterator
// declared two cells ago must be rewritten). Types come from go/types, with the native
// packages built from the interpreter's symbol tables (Rewriter.Symbols) and the packages
// a cell uses without importing them imported for the check (the session imports them
// apart; Rewriter.Import records its imports exactly); where the types are unknown, a
// construct is left to yaegi as written, or reported when yaegi would crash on it.
//
// Invariants: rewrites keep the positions of the user's nodes, and new nodes take the
// position of the construct they replace, so errors still point at the user's lines; the
// identifiers they write for the cell's own types share the parser's object of the
// declaration (ast.Ident.Obj), since the session renames a cell's names through those
// objects; the names they introduce start with "_gg" and a number unique in the session;
// code that yaegi already runs correctly comes out unchanged, except that the compound
// statements at the top of func main (where the session puts a statement cell) run in
// function literals, and comma-ok type assertions there in function literals too, since
// yaegi's top level mishandles nested scopes and those assertions. Rewrite never panics
// on a parsed file.
//
// FEATURES.md lists every feature with its status.
package compat
