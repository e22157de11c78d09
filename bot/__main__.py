from bot.adapters.cli.main import app

app(prog_name="mmssc")
