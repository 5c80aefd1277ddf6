/** The baseline: the cheapest workflow the same server can start and complete. */
export async function emptyWorkflow(): Promise<void> {}
