import { userJson } from "./json-views.js";
import type { RouteDefinition } from "./route-types.js";

/**
 * `GET /collaborators/{username}/permission`: a seeded level (state.setCollaboratorPermission),
 * otherwise what GitHub reports for someone who is not a collaborator: `read` on a public
 * repository (anyone may read it), `none` on a private one.
 * (https://docs.github.com/rest/collaborators/collaborators#get-repository-permissions-for-a-user)
 */
export const collaboratorRoutes: RouteDefinition[] = [
  {
    route: "GET /repos/{owner}/{repo}/collaborators/{username}/permission",
    auth: "installation",
    permission: { names: ["metadata"], level: "read" },
    handle: ({ views, repo, params }) => {
      const login = String(params.username);
      const level = repo.collaborators.get(login.toLowerCase()) ?? (repo.private ? "none" : "read");
      return {
        status: 200,
        body: {
          permission: level,
          role_name: level,
          user: { ...userJson(views, login), role_name: level },
        },
      };
    },
  },
];
