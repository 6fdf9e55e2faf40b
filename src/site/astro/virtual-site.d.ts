// Types of the virtual module the Kitpress Vite plugin serves to the Astro pages.
declare module 'virtual:kitpress/site' {
  const site: import('./virtual-site.ts').VirtualSite;
  export default site;
}
