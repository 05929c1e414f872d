// What other features may call of networks/: the demo municipality's network (features/demo).

export { seedDemoNetwork } from './service/seed-demo.js';
