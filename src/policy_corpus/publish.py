"""Publishing a built folder to a Hugging Face dataset repo: card, croissant.json, chart, Parquet."""

from __future__ import annotations

from pathlib import Path

from .card import CHART, LICENSE_FILE
from .corpus import shards, validate_folder
from .croissant import FILE_NAME
from .models import CONFIGS


def publish_files(folder: Path) -> list[str]:
    """The files a dataset repo gets, relative to `folder` (build reports stay local)."""
    files = ["README.md", LICENSE_FILE, FILE_NAME, CHART]
    files += [str(p.relative_to(folder)) for config in CONFIGS for p in shards(config, folder)]
    return files


def publish(repo_id: str, folder: Path, dry_run: bool = False, private: bool = False) -> tuple[str, list[str]]:
    """(repo URL, files): validate the folder, then create the repo if missing and upload.

    The token comes from `HF_TOKEN` or `huggingface-cli login`, as everywhere in the hub's tools.
    """
    from huggingface_hub.utils import validate_repo_id

    validate_repo_id(repo_id)
    problems = validate_folder(folder)
    if problems:
        raise ValueError(f"{folder} has {len(problems)} problem(s), first: {problems[0]} (run `policy-corpus validate`)")
    files = publish_files(folder)
    url = f"https://huggingface.co/datasets/{repo_id}"
    if dry_run:
        return url, files
    from huggingface_hub import HfApi
    from huggingface_hub.errors import HfHubHTTPError

    api = HfApi()
    try:
        repo = api.create_repo(repo_id, repo_type="dataset", exist_ok=True, private=private)
        # shards of an earlier upload that this build no longer has would match the card's globs
        api.upload_folder(folder_path=folder, repo_id=repo_id, repo_type="dataset", allow_patterns=files,
                          delete_patterns=["data/**/*.parquet"], commit_message="Publish policy-corpus")
    except HfHubHTTPError as exc:
        raise OSError(f"the hub refused: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
    except Exception as exc:  # network failures come from requests or httpx, whose errors share no base class
        detail = str(exc).splitlines()[0] if str(exc) else ""
        raise OSError(f"cannot reach the hub ({type(exc).__name__}{': ' + detail[:200] if detail else ''})") from None
    return str(repo), files
