"""One module per resource, each exposing ``router: APIRouter``; ``create_app`` includes them."""
