"""Build hook: the wheel ships `knowledge/` and `prompts/` inside the package, as `bot/resources/*`.

The repository keeps both folders at its top level (the source of truth). `build_py` copies them into
the build tree, so they land in the wheel and nowhere in the checkout; `bot.resources.shipped_folder`
finds the copies in an installed wheel and the repository's folders in a checkout or an editable install.
Everything else about the package is in pyproject.toml.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SHIPPED_FOLDERS = ("knowledge", "prompts")  # as bot.resources.SHIPPED_FOLDERS


class BuildPyWithData(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return  # an editable install reads the repository's folders
        for name in SHIPPED_FOLDERS:
            self.copy_tree(name, str(Path(self.build_lib, "bot", "resources", name)))


setup(cmdclass={"build_py": BuildPyWithData})
