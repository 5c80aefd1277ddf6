/** The ids of a unit and every unit below it, from the (small) list of all units. */
export function unitAndDescendants(units: ReadonlyArray<{ id: string; parentId: string | null }>, rootId: string): Set<string> {
  const ids = new Set([rootId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of units) {
      if (u.parentId && ids.has(u.parentId) && !ids.has(u.id)) {
        ids.add(u.id);
        grew = true;
      }
    }
  }
  return ids;
}
