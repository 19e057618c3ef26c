package main

// cellFigures prints figure 3 (the same loops through the interpreter) once interp lands.
func cellFigures(peers map[string]float64, tinyStep, bigStep float64) {}
