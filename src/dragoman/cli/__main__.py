"""`python -m dragoman.cli`: the dragoman command."""

from . import main

main(prog_name="dragoman")
