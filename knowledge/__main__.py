from knowledge.cli import cli

cli(prog_name="python -m knowledge")
