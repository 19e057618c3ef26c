// Package display shows rich output in a notebook: HTML, Markdown, LaTeX, images and
// gonum/plot charts, and live displays that update in place while a model trains.
//
// Cells call display.HTML(s), display.Markdown(s), display.Clear() and the rest as package
// functions. Behind them is one *Writer per notebook session: the interpreter binds the
// exported methods of its session's Writer as the functions of the display package that cells
// see, so nothing here is global and two sessions never share output.
//
// Turning a value into something a notebook can show is a pure function, BundleOf, which the
// interpreter uses for a cell's last value.
package display
